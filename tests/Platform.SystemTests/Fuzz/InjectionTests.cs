using Platform.Contracts.Routing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Grpc.Core;
using Platform.DelegateAffairs.V1;
using Platform.JointPlanning.V1;
using Platform.Organization.V1;
using Xunit.Abstractions;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// SQL, markup, template and control-character injection in the text fields people write: each is stored verbatim
/// (read back exactly as sent) or refused with InvalidArgument naming the field, never an error of ours, and the
/// screens show what was stored as text, escaped, never as markup.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InjectionTests(PlatformFixture platform, ITestOutputHelper output)
{
    public static readonly string[] Payloads =
    [
        "'; DROP TABLE candidates; --",
        "Robert'); DELETE FROM audit_entries; --",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "{{7*7}} ${7*7} <%= 7*7 %>",
        "%00 %27 %3Cb%3E",
        "Nguyễn Văn \u202eÁnh\u202c",
        "Trần\0Thị",
        "line\r\nbreak\ttab\u0007bell",
    ];

    /// <summary>What the markup payloads must never appear as in a page, and must appear as instead (the gateway's encoder).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string[] RawMarkup = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>"];

    /// <summary>
    /// The text as the services store every name and title: Unicode NFC with runs of white space made one space (the
    /// platform's rule for text people type, VietnameseText.Normalize); nothing else of it may change.
    /// </summary>
    private static string AsStored(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>Read back as sent, or as the platform normalizes names (<see cref="AsStored"/>): nothing else may change.</summary>
    private static void AssertIntact(string sent, string? read) =>
        Assert.True(read == sent || read == AsStored(sent), $"sent {JsonSerializer.Serialize(sent)}, read back {JsonSerializer.Serialize(read)}");

    /// <summary>Stored verbatim, or refused with InvalidArgument naming a field: the two harmless outcomes.</summary>
    private static async Task<T?> StoredOrRefusedAsync<T>(Func<Task<T>> write, string field, string payload) where T : class
    {
        try
        {
            return await write();
        }
        catch (RpcException refused)
        {
            Assert.True(refused.StatusCode == StatusCode.InvalidArgument,
                $"{field} = {JsonSerializer.Serialize(payload)}: {refused.StatusCode} {refused.Status.Detail}");
            Assert.Contains(field.Split('.')[^1], refused.Status.Detail);
            return null;
        }
    }

    [Fact]
    public async Task Injection_in_names_and_titles_is_stored_verbatim_or_refused_and_rendered_escaped()
    {
        await Provinces.EnsureAsync(platform);
        var organization = new Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")).ForBody("organization"));
        var party = new PartyService.PartyServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")));
        var delegateAffairs = platform.GrpcChannelWith(await platform.TokenAsync("delegate-affairs-editor"));
        var elections = new ElectionService.ElectionServiceClient(delegateAffairs);
        var candidates = new CandidateService.CandidateServiceClient(delegateAffairs);
        var electionId = $"inj-{Guid.NewGuid():N}"[..20];
        await elections.CreateElectionAsync(new CreateElectionRequest
        {
            Election = new Election
            {
                Id = electionId, Kind = ElectionKind.NationalAssembly, Term = "XV", TermStartYear = 2021, TermEndYear = 2026,
                ElectionDay = "2021-05-23", LawCode = "85/2015/QH13", TotalSeats = 500, CentralSeats = 207, LocalSeats = 293,
            },
        });
        var constituency = await candidates.CreateConstituencyAsync(new CreateConstituencyRequest
        {
            Constituency = new Constituency { ElectionId = electionId, ProvinceCode = "01", Number = 1, Seats = 3 },
        });

        var storedTitles = new List<string>();
        var conferenceIds = new List<string>();
        var storedNames = new List<string>();
        var nationalId = 900_000 + Random.Shared.Next(0, 90_000);
        foreach (var payload in Payloads)
        {
            // A joint conference's title and chair (Organization), read back from the service.
            var conference = await StoredOrRefusedAsync(() => organization.ProposeConferenceAsync(new ProposeConferenceRequest
            {
                ConferenceId = $"inj-{Guid.NewGuid():N}"[..20],
                Conference = new Platform.JointPlanning.V1.Conference
                {
                    Title = payload, Kind = ConferenceKind.HalfYearReview, PeriodStart = "2020-01-01", PeriodEnd = "2020-06-30", Date = "2020-07-01",
                    StartTime = "08:00", Format = ConferenceFormat.Online, ResponseDeadline = "2020-06-25", CoOrganizers = { "home-affairs" },
                    Chair = new Chair { Name = "Phạm Minh Chính", Title = "Trưởng Ban Tổ chức Trung ương", Body = "organization" },
                },
            }).ResponseAsync, "conference.title", payload);
            if (conference is not null)
            {
                var read = await organization.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
                AssertIntact(payload, read.Title);
                storedTitles.Add(read.Title);
                conferenceIds.Add(conference.Id);
            }

            // A candidate's name, occupation and workplace (Delegate Affairs).
            var candidate = await StoredOrRefusedAsync(() => candidates.CreateCandidateAsync(new CreateCandidateRequest
            {
                Candidate = new Candidate
                {
                    ElectionId = electionId, ConstituencyId = constituency.Id, NationalId = $"001075{nationalId++:D6}", FullName = payload,
                    BirthDate = "1975-08-19", Sex = Sex.Male, Ethnicity = "Kinh", Occupation = payload, Workplace = payload, Residence = payload,
                    NominatingLevel = NominatingLevel.Local, Status = CandidateStatus.Introduced,
                },
            }).ResponseAsync, "candidate.full_name", payload);
            if (candidate is not null)
            {
                var read = await candidates.GetCandidateAsync(new GetCandidateRequest { Id = candidate.Id });
                AssertIntact(payload, read.FullName);
                AssertIntact(payload, read.Occupation);
                AssertIntact(payload, read.Workplace);
                storedNames.Add(read.FullName);
            }

            // A Party organization's name (Organization).
            var unit = await StoredOrRefusedAsync(() => party.CreatePartyOrganizationAsync(new CreatePartyOrganizationRequest
            {
                PartyOrganization = new PartyOrganization { Id = $"inj-{Guid.NewGuid():N}"[..20], Name = payload, Level = PartyLevel.DirectlyUnderCentre },
            }).ResponseAsync, "party_organization.name", payload);
            if (unit is not null)
            {
                AssertIntact(payload, (await party.GetPartyOrganizationAsync(new GetPartyOrganizationRequest { Id = unit.Id })).Name);
            }

            // An administrative unit's name (Home Affairs), over the JSON API.
            var code = $"9{Random.Shared.Next(10, 99)}";
            var created = await platform.Gateway.PostAsJsonAsync("/api/home-affairs/v1/administrative-units",
                new { code, name = payload, kind = "ADMINISTRATIVE_UNIT_KIND_DISTRICT", parentCode = "01" });
            Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Conflict,
                $"unit name {JsonSerializer.Serialize(payload)}: {created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            if (created.StatusCode == HttpStatusCode.OK)
            {
                var read = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/home-affairs/v1/administrative-units/{code}");
                AssertIntact(payload, read.GetProperty("name").GetString());
            }
        }
        output.WriteLine($"stored as sent: {storedTitles.Count} titles, {storedNames.Count} candidates of {Payloads.Length} payloads");
        Assert.NotEmpty(storedTitles); // else the screens below would prove nothing
        Assert.NotEmpty(storedNames);

        using var organizationEditor = await SignedInAsync("organization-editor");
        using var delegateAffairsEditor = await SignedInAsync("delegate-affairs-editor");
        var pages = new List<(string Html, IReadOnlyList<string> Stored)>();
        for (var i = 0; i < conferenceIds.Count; i++)
        {
            pages.Add((await PageAsync(organizationEditor, $"/conferences/{Uri.EscapeDataString(conferenceIds[i])}"), [storedTitles[i]]));
        }
        pages.Add((await PageAsync(delegateAffairsEditor, $"/elections/{electionId}"), storedNames));
        foreach (var (html, stored) in pages)
        {
            foreach (var markup in RawMarkup)
            {
                Assert.DoesNotContain(markup, html);
            }
            foreach (var text in stored)
            {
                Assert.Contains(Encoder.Encode(text), html);
            }
        }
    }

    private static async Task<string> PageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(path.Split('?')[0], response.RequestMessage!.RequestUri!.AbsolutePath);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A browser-like client signed in through the platform's login (cookie session, authorization code + PKCE).</summary>
    private async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = new HttpClient(new CookieJar(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }))
        {
            BaseAddress = new Uri(platform.GatewayUrl),
        };
        var toLogin = await browser.GetAsync("/conferences");
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(toLogin.RequestMessage!.RequestUri!.Query)["ReturnUrl"].ToString();
        Assert.False(string.IsNullOrEmpty(returnUrl), $"no login page on the way to the screens: {toLogin.RequestMessage.RequestUri}");
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = "dev-secret", ["returnUrl"] = returnUrl,
        }));
        Assert.True(signedIn.StatusCode == HttpStatusCode.OK, $"signing in: {signedIn.StatusCode} at {signedIn.RequestMessage!.RequestUri}\n{platform.Diagnostics()}");
        Assert.EndsWith("/conferences", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        return browser;
    }
}
