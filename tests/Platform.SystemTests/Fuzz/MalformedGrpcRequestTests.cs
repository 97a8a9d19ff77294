using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Platform.HomeAffairs.V1;
using Platform.Testing;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// Regression of the fuzzer's first finding: request bytes that are no valid message (a string that is not UTF-8, a
/// nested message cut short) were answered Unknown ("Exception was thrown by handler") by Grpc.AspNetCore, which
/// parses before any interceptor. Now InvalidArgument, naming the field, through the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MalformedGrpcRequestTests(PlatformFixture platform)
{
    private async Task<RpcException> SendAsync(byte[] request) =>
        await Assert.ThrowsAsync<RpcException>(() => platform.GatewayGrpc.CreateCallInvoker()
            .CallAsync("platform.homeaffairs.v1.AdministrativeUnitService", "CreateAdministrativeUnit", request).ResponseAsync);

    private static IReadOnlyList<string> FieldsOf(RpcException exception) =>
        Google.Rpc.Status.Parser.ParseFrom(exception.Trailers.GetValueBytes("grpc-status-details-bin")).Details
            .Where(d => d.Is(BadRequest.Descriptor)).Select(d => d.Unpack<BadRequest>()).SelectMany(b => b.FieldViolations).Select(v => v.Field).ToList();

    [Fact]
    public async Task A_string_that_is_not_utf8_is_invalid_argument_naming_the_field()
    {
        var unit = new CreateAdministrativeUnitRequest { AdministrativeUnit = new AdministrativeUnit { Code = "96", Kind = AdministrativeUnitKind.Province } }.ToByteArray();
        // administrative_unit (1) { name (2): C3 28, an invalid two-byte sequence }, merged into the unit above.
        byte[] request = [.. unit, 0x0a, 0x04, 0x12, 0x02, 0xc3, 0x28];

        var refused = await SendAsync(request);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["administrative_unit.name"], FieldsOf(refused));
    }

    [Fact]
    public async Task A_nested_message_cut_short_is_invalid_argument_naming_the_field()
    {
        byte[] request = [0x0a, 0x32, 0x0a, 0x02, 0x39, 0x36]; // administrative_unit declared 50 bytes long, 4 sent

        var refused = await SendAsync(request);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["administrative_unit"], FieldsOf(refused));
    }

    [Fact]
    public async Task A_nul_character_in_a_text_field_is_invalid_argument_naming_the_field_not_internal()
    {
        // PostgreSQL cannot hold U+0000: it used to reach the database and come back as Internal.
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(platform.GatewayGrpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = "95", Name = "Hà\0Tây", Kind = AdministrativeUnitKind.Province },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["administrative_unit.name"], FieldsOf(refused));
    }

    [Fact]
    public async Task A_large_request_is_judged_by_the_service_not_lost_by_the_proxy()
    {
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(platform.GatewayGrpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = "94", Name = new string('x', 400_000), Kind = AdministrativeUnitKind.Province },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["administrative_unit.name"], FieldsOf(refused));
    }

    [Fact]
    public async Task An_error_quoting_a_huge_value_still_passes_the_proxy()
    {
        // The status travels in HTTP/2 headers; quoting this value whole (percent-encoded, about 180 KB) made a header
        // block past YARP's 64 KB limit, and the caller got a 502 instead of InvalidArgument. Found by the fuzzer.
        var recognition = new RecognitionService.RecognitionServiceClient(platform.GatewayGrpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => recognition.UpdateCouncilSeatsAsync(new UpdateCouncilSeatsRequest
        {
            CouncilSeats = new CouncilSeats { UnitCode = new string('Đ', 30_000), Term = "2021-2026" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["council_seats.unit_code"], FieldsOf(refused));
        Assert.True(refused.Status.Detail.Length < 1000, $"a status message of {refused.Status.Detail.Length} characters");
    }

    [Fact]
    public async Task An_update_with_a_malformed_national_id_names_the_field_of_the_record()
    {
        var officials = new OfficialService.OfficialServiceClient(platform.GatewayGrpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => officials.UpdateOfficialRecordAsync(new UpdateOfficialRecordRequest
        {
            OfficialRecord = new OfficialRecord { NationalId = "12-34", FullName = "Nguyễn Văn Ánh", Etag = "1" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("official_record.national_id", FieldsOf(refused));
    }

    [Fact]
    public async Task A_grpc_request_over_the_gateway_s_body_limit_is_resource_exhausted_not_unavailable()
    {
        // The gateway allows 1 MB; a gRPC body declares no length, so it used to be cut off halfway and answered 502.
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(platform.GatewayGrpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = "93", Name = new string('x', 2 * 1024 * 1024), Kind = AdministrativeUnitKind.Province },
        }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }
}
