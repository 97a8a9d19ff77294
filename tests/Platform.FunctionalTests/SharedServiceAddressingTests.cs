using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Platform.Audit.V1;
using Platform.Contracts.Errors;
using Platform.Contracts.Routing;
using Platform.HomeAffairs.V1;
using Platform.Testing;
using AuditTrailService = Platform.Audit.V1.AuditTrailService;

namespace Platform.FunctionalTests;

/// <summary>
/// A shared service (here the audit trail, platform.audit.v1) at one body's service: it answers under the shared
/// name and under the body's retired name alike, over gRPC and JSON; a call that names another body, in the
/// platform-body metadata or the JSON path, is refused with WRONG_BODY rather than served from this body's data.
/// </summary>
public sealed class SharedServiceAddressingTests(HomeAffairsHost host) : IClassFixture<HomeAffairsHost>
{
    private static int _nextCode = 9; // provinces have two-digit codes; this class's host has its own database

    private async Task<string> UnitWithTrailAsync()
    {
        var code = Interlocked.Increment(ref _nextCode).ToString("D2");
        await new AdministrativeUnitService.AdministrativeUnitServiceClient(host.Channel).CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code, Name = "Thừa Thiên Huế", Kind = AdministrativeUnitKind.Province },
        });
        return $"administrative-units/{code}";
    }

    [Fact]
    public async Task The_shared_name_and_the_bodys_retired_name_answer_the_same()
    {
        var request = new ListAuditEntriesRequest { Resource = await UnitWithTrailAsync() };

        var shared = await new AuditTrailService.AuditTrailServiceClient(host.Channel.ForBody(BodyRouting.HomeAffairs)).ListAuditEntriesAsync(request);
        var copy = await host.Channel.CreateCallInvoker().CallAsync<ListAuditEntriesResponse>("platform.homeaffairs.v1.AuditTrailService", "ListAuditEntries", request);

        Assert.Equal("Thừa Thiên Huế", JsonDocument.Parse(Assert.Single(shared.AuditEntries).Change).RootElement.GetProperty("name").GetProperty("new").GetString());
        Assert.Equal(shared, copy);
    }

    [Fact]
    public async Task A_call_naming_another_body_is_refused_with_WRONG_BODY()
    {
        var request = new ListAuditEntriesRequest { Resource = await UnitWithTrailAsync() };

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new AuditTrailService.AuditTrailServiceClient(host.Channel.ForBody(BodyRouting.Organization)).ListAuditEntriesAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var info = refused.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal((ErrorReasons.WrongBody, "home-affairs"), (info.Reason, info.Metadata["body"]));
    }

    [Fact]
    public async Task Over_JSON_the_body_is_the_paths_segment_and_another_bodys_path_is_refused()
    {
        var resource = Uri.EscapeDataString(await UnitWithTrailAsync());
        using var http = host.CreateAuthorizedClient();

        using var own = await http.GetAsync($"/api/home-affairs/v1/audit-entries?resource={resource}");
        using var other = await http.GetAsync($"/api/organization/v1/audit-entries?resource={resource}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single(JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("auditEntries").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode); // FailedPrecondition, as transcoding maps it
        Assert.Contains(ErrorReasons.WrongBody, await other.Content.ReadAsStringAsync());
    }
}
