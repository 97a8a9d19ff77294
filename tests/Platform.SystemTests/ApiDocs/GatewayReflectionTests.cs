using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Platform.Access.V1;

namespace Platform.SystemTests.ApiDocs;

/// <summary>gRPC reflection through the gateway's h2c port: the three bodies' services in one listing, for callers with a token only.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayReflectionTests(PlatformFixture platform)
{
    private static readonly string[] BodyPackages = ["platform.organization.v1", "platform.homeaffairs.v1", "platform.delegateaffairs.v1"];
    private static readonly string[] SharedPackages = ["platform.jointplanning.v1", "platform.operations.v1", "platform.audit.v1", "platform.referencedata.v1"];

    [Fact]
    public async Task An_authenticated_tool_lists_every_service_of_the_three_bodies_and_gets_their_files()
    {
        using var channel = platform.GrpcChannelWith(await platform.TokenAsync("organization-viewer"));
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext());
        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToHashSet();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "platform.homeaffairs.v1.AdministrativeUnitService" });
        Assert.True(await call.ResponseStream.MoveNext());
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name).ToList();
        await call.RequestStream.CompleteAsync();

        var expected = typeof(AccessReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => BodyPackages.Contains(f.Package) || SharedPackages.Contains(f.Package))
            .SelectMany(f => f.Services.Select(s => s.FullName))
            .ToHashSet();
        Assert.Contains("platform.delegateaffairs.v1.CandidateService", expected);
        Assert.Contains("platform.jointplanning.v1.JointPlanningService", expected); // shared: routed by the platform-body metadata
        Assert.Equal(expected.Order(), listed.Order());
        // The file of the service, then what it imports (so a tool can decode every message).
        Assert.Equal("platform/homeaffairs/v1/administrative_units.proto", files[0]);
        Assert.Contains("platform/access/v1/access.proto", files);
    }

    [Fact]
    public async Task A_tool_without_a_token_is_refused()
    {
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpcUrl);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.ResponseStream.MoveNext();
        });

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task The_older_v1alpha_protocol_lists_the_same_services()
    {
        using var channel = platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-viewer"));
        using var call = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext());
        await call.RequestStream.CompleteAsync();

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "platform.organization.v1.PartyService");
    }
}
