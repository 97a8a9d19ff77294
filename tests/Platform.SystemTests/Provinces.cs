using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.SystemTests;

/// <summary>
/// Provinces the joint-planning tests hold bridge points at: created at Home Affairs through the gateway
/// unless there already, and awaited in the copies of Organization and Delegate Affairs.
/// </summary>
public static class Provinces
{
    public static readonly (string Code, string Name)[] OfTheSeed =
        [
            ("01", "Thành phố Hà Nội"), ("15", "Tỉnh Yên Bái"), ("22", "Tỉnh Quảng Ninh"), ("46", "Tỉnh Thừa Thiên Huế"), ("48", "Thành phố Đà Nẵng"),
            ("79", "Thành phố Hồ Chí Minh"), ("80", "Tỉnh Long An"), ("92", "Thành phố Cần Thơ"),
        ];

    public static async Task EnsureAsync(PlatformFixture platform)
    {
        foreach (var (code, name) in OfTheSeed)
        {
            var created = await platform.Gateway.PostAsJsonAsync("/api/home-affairs/v1/administrative-units",
                new { code, name, kind = "ADMINISTRATIVE_UNIT_KIND_PROVINCE" });
            if (created.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"Creating province {code}: {created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            }
        }
        foreach (var body in new[] { "organization", "delegate-affairs" })
        {
            foreach (var (code, _) in OfTheSeed)
            {
                await Poll.UntilAsync(async () =>
                    (await platform.Gateway.GetAsync($"/api/{body}/v1/administrative-units/{code}")).StatusCode == HttpStatusCode.OK,
                    $"province {code} at {body}", PlatformFixture.Timeout);
            }
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
