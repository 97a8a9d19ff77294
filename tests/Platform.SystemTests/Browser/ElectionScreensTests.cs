using Grpc.Core;
using Microsoft.Playwright;
using Platform.DelegateAffairs.V1;
using Platform.HomeAffairs.V1;
using Platform.Organization.V1;
using Platform.Testing;
using Xunit.Abstractions;
using PartyCongress = Platform.Organization.V1.PartyCongress;

namespace Platform.SystemTests.Browser;

/// <summary>
/// The election screens in a real browser against the running platform: the timeline and quota charts, the candidates
/// with their vetting, the Needs review queue settled by a Delegate Affairs reviewer, the facts behind findings shown
/// only to those Regulation 205 allows; and the Organization's congress schedule with a late congress flagged.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ElectionScreensTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim ScenarioGate = new(1, 1);
    private static Scenario? _scenario;
    private static int _nationalId = 700_000;

    /// <summary>One election, entered once through the APIs, whose candidates' vettings have come to rest.</summary>
    private sealed record Scenario(
        string ElectionId, Candidate Eligible, Candidate ToSettle, Candidate UnderReview, Candidate Ineligible, Candidate SettledFromItsPage);

    [Fact]
    public Task A_reviewer_settles_a_needs_review_candidate_from_the_queue_with_a_reason_and_sees_it_eligible() => RunAsync(async page =>
    {
        var scenario = await ScenarioAsync();
        // The reviewer's "due" list leads to the queue.
        await page.GotoAsync("/notifications");
        await page.Locator($"[data-testid='due-item'][data-kind='VettingReview'] a[href='/elections/{scenario.ElectionId}/review']").ClickAsync();
        await Browser.ArrivedAsync(page, $"/elections/{scenario.ElectionId}/review");
        var queue = page.GetByTestId("review-queue");
        await Assertions.Expect(queue.GetByRole(AriaRole.Heading, new() { Name = scenario.UnderReview.FullName })).ToBeVisibleAsync();
        var item = ReviewItem(page, scenario.ToSettle);
        await Assertions.Expect(item).ToContainTextAsync("Bộ Nội vụ"); // the reason: Home Affairs cannot tell
        await Browser.ScreenshotAsync(page, "review-queue");

        // Too short a reason: the service names the field, and the page shows it beside the field.
        await item.GetByLabel("Đủ điều kiện", new() { Exact = true }).CheckAsync();
        await item.GetByLabel("Lý do kết luận").FillAsync("Ổn");
        await item.GetByRole(AriaRole.Button, new() { Name = "Ghi kết luận" }).ClickAsync();
        var reasonError = ReviewItem(page, scenario.ToSettle).Locator(".field-error[data-field='reason']");
        await Assertions.Expect(reasonError).ToBeVisibleAsync();
        await Assertions.Expect(ReviewItem(page, scenario.ToSettle).GetByLabel("Lý do kết luận")).ToHaveValueAsync("Ổn");

        item = ReviewItem(page, scenario.ToSettle);
        await item.GetByLabel("Lý do kết luận").FillAsync("Đã xác minh với Bộ Nội vụ: người này không phải cán bộ, công chức, viên chức.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Ghi kết luận" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("settled")).ToContainTextAsync(scenario.ToSettle.FullName);
        await Assertions.Expect(page.GetByTestId("settled")).ToContainTextAsync("Đủ điều kiện");
        await Assertions.Expect(ReviewItem(page, scenario.ToSettle)).ToHaveCountAsync(0);

        await page.GetByTestId("settled").GetByRole(AriaRole.Link, new() { Name = scenario.ToSettle.FullName }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("vetting-status")).ToHaveTextAsync("Đủ điều kiện");
        await Assertions.Expect(page.GetByTestId("vetting-settlement")).ToContainTextAsync("Đã xác minh với Bộ Nội vụ");
        await Assertions.Expect(page.GetByTestId("settled-by")).ToHaveTextAsync("Ban Công tác đại biểu (người xem xét)"); // a name, not "delegate-affairs-reviewer"
        await Assertions.Expect(page.GetByTestId("candidate")).ToContainTextAsync("Thành phố Hà Nội, đơn vị số 1"); // not its id
    });

    [Fact]
    public Task A_reviewer_settles_from_the_candidate_page_below_the_evidence() => RunAsync(async page =>
    {
        var scenario = await ScenarioAsync();
        await page.GotoAsync($"/candidates/{scenario.SettledFromItsPage.Id}");
        var form = page.GetByTestId("settle-form");
        await Assertions.Expect(page.GetByTestId("vetting-status")).ToHaveTextAsync("Cần xem xét");
        await Assertions.Expect(page.Locator("[data-testid='findings'][data-body='home-affairs']")).ToContainTextAsync("Không xác định được"); // the evidence, above

        await form.GetByLabel("Đủ điều kiện", new() { Exact = true }).CheckAsync(); // eligible: the quota tests count one ineligible
        await form.GetByLabel("Lý do kết luận").FillAsync("Ít");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi kết luận" }).ClickAsync();
        form = page.GetByTestId("settle-form");
        await Assertions.Expect(form.Locator(".field-error[data-field='reason']")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("Lý do kết luận")).ToHaveValueAsync("Ít"); // what was typed, kept

        await form.GetByLabel("Lý do kết luận").FillAsync("Đã xác minh với Bộ Nội vụ: người này không phải cán bộ, công chức, viên chức nên không có hồ sơ ở đó.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi kết luận" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("settled")).ToContainTextAsync("Đủ điều kiện");
        await Assertions.Expect(page.GetByTestId("vetting-status")).ToHaveTextAsync("Đủ điều kiện");
        await Assertions.Expect(page.GetByTestId("settle-form")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Only_reviewers_get_the_settle_form_and_other_bodies_are_told_the_queue_is_Delegate_Affairs_own() => RunAsync(async page =>
    {
        var scenario = await ScenarioAsync();
        await page.GotoAsync($"/elections/{scenario.ElectionId}/review");
        await Assertions.Expect(ReviewItem(page, scenario.UnderReview)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("settle-form")).ToHaveCountAsync(0);

        var outsider = await (await Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, "organization-editor");
        try
        {
            await outsider.GotoAsync($"/elections/{scenario.ElectionId}/review");
            await Assertions.Expect(outsider.GetByTestId("review-queue")).ToContainTextAsync("Chỉ Ban Công tác đại biểu xem được danh sách người ứng cử");
            await Assertions.Expect(outsider.GetByTestId("settle-form")).ToHaveCountAsync(0);
        }
        finally
        {
            await outsider.Context.CloseAsync();
        }
    }, user: "delegate-affairs-viewer");

    [Fact]
    public Task A_user_without_the_vetting_role_sees_the_findings_but_no_personnel_facts_and_reads_the_constituencies() => RunAsync(async page =>
    {
        var scenario = await ScenarioAsync();
        await page.GotoAsync($"/candidates/{scenario.UnderReview.Id}");

        await Assertions.Expect(page.GetByTestId("vetting-status")).ToHaveTextAsync("Cần xem xét");
        await Assertions.Expect(page.GetByTestId("candidate")).ToContainTextAsync("Chỉ Ban Công tác đại biểu xem được hồ sơ người ứng cử");
        var organization = page.Locator("[data-testid='findings'][data-body='organization']");
        await Assertions.Expect(organization).ToContainTextAsync("Đạt");
        await Assertions.Expect(organization.GetByTestId("facts-withheld").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("facts")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("vetting")).Not.ToContainTextAsync("đảng viên chính thức");

        // The constituencies are every body's to read: each named by its province, with the fewest candidates the law asks.
        await page.GotoAsync($"/elections/{scenario.ElectionId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị bầu cử" }).ClickAsync();
        var hanoi = page.Locator($"[data-testid='constituency-row'][data-constituency='{scenario.Eligible.ConstituencyId}']");
        await Assertions.Expect(hanoi.Locator("th")).ToHaveTextAsync("Thành phố Hà Nội, đơn vị số 1");
        await Assertions.Expect(hanoi.Locator("td").Nth(2)).ToHaveTextAsync("5"); // 3 seats: at least 2 more candidates (Law 85/2015 art. 58)
        await Assertions.Expect(hanoi.GetByTestId("constituency-rule")).ToContainTextAsync("Thiếu");
        await Assertions.Expect(page.GetByTestId("constituency-row")).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, "constituencies");
        await page.GetByLabel("Tỉnh, thành phố").SelectOptionAsync(new SelectOptionValue { Label = "Thành phố Hồ Chí Minh" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("constituency-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("constituency-row").Locator("th")).ToHaveTextAsync("Thành phố Hồ Chí Minh, đơn vị số 1");
    }, user: "home-affairs-viewer");

    [Fact]
    public Task The_Organization_vetting_role_sees_the_facts_of_its_own_findings_only() => RunAsync(async page =>
    {
        var scenario = await ScenarioAsync();
        await page.GotoAsync($"/candidates/{scenario.UnderReview.Id}");

        var organization = page.Locator("[data-testid='findings'][data-body='organization']");
        await Assertions.Expect(organization.GetByTestId("facts").First).ToBeVisibleAsync();
        await Assertions.Expect(organization).ToContainTextAsync("hồ sơ: đảng viên chính thức");
        await Assertions.Expect(organization).ToContainTextAsync("ngày sinh 25/01/1988"); // as people write dates
        // No ISO date, no UTC, no rule id such as "(age-21)" in what people read.
        await Assertions.Expect(page.GetByTestId("vetting")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{4}-\d{2}-\d{2}|UTC|\([a-z0-9]+[_-][a-z0-9_-]+\)"));
        await Assertions.Expect(organization.GetByTestId("facts-withheld")).ToHaveCountAsync(0);
        var homeAffairs = page.Locator("[data-testid='findings'][data-body='home-affairs']");
        await Assertions.Expect(homeAffairs).ToContainTextAsync("Không xác định được");
        await Assertions.Expect(homeAffairs.GetByTestId("facts-withheld")).ToBeVisibleAsync();
        await Assertions.Expect(homeAffairs.GetByTestId("facts")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "candidate-vetting");
    }, user: "organization-vetting");

    [Fact]
    public Task The_election_page_draws_the_timeline_with_today_and_the_quota_report_and_lists_the_candidates() => RunAsync(async page =>
    {
        var scenario = await ScenarioAsync();
        await page.GotoAsync("/elections");
        await Assertions.Expect(page.GetByTestId("elections").Locator("a[href^='/elections/']").First).ToBeVisibleAsync();
        await page.GotoAsync($"/elections/{scenario.ElectionId}");
        await Assertions.Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("khóa"); // the election's name, not its code
        await Assertions.Expect(page.GetByTestId("breadcrumb")).Not.ToContainTextAsync(scenario.ElectionId);

        var timeline = page.GetByTestId("timeline");
        await Assertions.Expect(timeline.Locator("svg[data-testid='timeline-chart']")).ToBeVisibleAsync();
        await Assertions.Expect(timeline.GetByTestId("today-marker")).ToContainTextAsync("Hôm nay");
        await Assertions.Expect(timeline.GetByTestId("past-band")).ToHaveCountAsync(1); // the first steps come 115 days before election day
        await Assertions.Expect(timeline.Locator("g.milestone.past").First).ToBeAttachedAsync();
        await Assertions.Expect(timeline.Locator("g.milestone.election")).ToContainTextAsync("Ngày bầu cử");
        await Assertions.Expect(timeline.GetByTestId("timeline-table")).ToBeAttachedAsync();

        // The timeline as a calendar file, each step a whole day (with the person's cookie, as the link downloads it).
        var calendarUrl = await page.GetByTestId("election-calendar").GetAttributeAsync("href");
        var download = await page.Context.APIRequest.GetAsync(calendarUrl!);
        Assert.Equal(200, download.Status);
        var steps = Ical.Net.Calendar.Load(await download.TextAsync())!.Events;
        Assert.True(steps.Count >= 5, $"{steps.Count} steps");
        Assert.Contains(steps, e => DateOnly.FromDateTime(e.DtStart!.Value) == DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(60)); // election day

        var quota = page.GetByTestId("quota");
        await Assertions.Expect(quota.Locator("svg[data-testid='quota-chart'] g.quota-row")).ToHaveCountAsync(6);
        // A term without the Standing Committee's figures still has the law's floors, on the list.
        await Assertions.Expect(quota.Locator("g.quota-row[data-base='list']")).ToHaveCountAsync(2);
        await Assertions.Expect(quota.Locator("g.quota-row[data-criterion='women']")).ToContainTextAsync("≥ 35% danh sách");
        await Assertions.Expect(quota.GetByTestId("quota-ineligible-count")).ToHaveTextAsync("1");
        await Assertions.Expect(quota.GetByTestId("quota-provinces")).ToContainTextAsync("Hà Nội");
        await Assertions.Expect(quota.GetByTestId("quota-provinces")).ToContainTextAsync("Hồ Chí Minh");

        var candidates = page.GetByTestId("candidates");
        await Assertions.Expect(candidates.Locator($"tr[data-candidate='{scenario.Eligible.Id}']")).ToContainTextAsync("Đủ điều kiện");
        // The constituency by its province's name (from Home Affairs' map), not "01-01".
        await Assertions.Expect(candidates.Locator($"tr[data-candidate='{scenario.Eligible.Id}']")).ToContainTextAsync("Hà Nội, đơn vị số 1");
        await Assertions.Expect(candidates.Locator($"tr[data-candidate='{scenario.UnderReview.Id}']")).ToContainTextAsync("Hồ Chí Minh, đơn vị số 1");
        await Assertions.Expect(candidates.Locator($"tr[data-candidate='{scenario.Ineligible.Id}']")).ToContainTextAsync("Không đủ điều kiện");
        await Assertions.Expect(candidates.Locator($"tr[data-candidate='{scenario.UnderReview.Id}']")).ToContainTextAsync("Cần xem xét");
        await Browser.ScreenshotAsync(page, "election");

        // The review queue's filter, as the candidate list's own.
        await candidates.GetByLabel("Kết quả thẩm tra").SelectOptionAsync("NEEDS_REVIEW");
        await candidates.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("candidates").Locator($"tr[data-candidate='{scenario.UnderReview.Id}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("candidates").Locator($"tr[data-candidate='{scenario.Eligible.Id}']")).ToHaveCountAsync(0);
    }, user: "delegate-affairs-editor");

    [Fact]
    public Task An_assembly_election_of_2021_shows_NQ_1185s_figures_as_shares_of_the_deputies_elected() => RunAsync(async page =>
    {
        // A 3-seat constituency with 5 candidates: 2 under 40, 1 non-party, none re-elected or full-time.
        var editor = platform.GrpcChannelWith(await platform.TokenAsync("delegate-affairs-editor"));
        var candidates = new CandidateService.CandidateServiceClient(editor);
        var (electionId, constituencies) = await EnterAssemblyElectionAsync(editor, "qh-2021", "XV", new DateOnly(2021, 5, 23), centralSeats: 207, "01");
        var hanoi = constituencies[0];
        foreach (var (name, sex, birth, party) in new[]
                 {
                     ("Nguyễn Thị Thu", Sex.Female, "1988-04-02", true), ("Trần Văn Đức", Sex.Male, "1990-09-09", true),
                     ("Lê Văn Hòa", Sex.Male, "1968-01-15", true), ("Phạm Thị Mơ", Sex.Female, "1972-12-01", true), ("Vũ Văn Sinh", Sex.Male, "1965-07-07", false),
                 })
        {
            await candidates.CreateCandidateAsync(new CreateCandidateRequest
            {
                Candidate = new Candidate
                {
                    ElectionId = electionId, ConstituencyId = hanoi.Id, NationalId = $"001080{Interlocked.Increment(ref _nationalId):D6}", FullName = name,
                    BirthDate = birth, Sex = sex, Ethnicity = "Kinh", PartyMember = party, NominatingLevel = NominatingLevel.Local, Occupation = "Công chức",
                },
            });
        }

        await page.GotoAsync($"/elections/{electionId}");

        var quota = page.GetByTestId("quota");
        await Assertions.Expect(quota.Locator("g.quota-row[data-base='list']")).ToHaveCountAsync(2);
        await Assertions.Expect(quota.Locator("g.quota-row[data-base='elected']")).ToHaveCountAsync(4);
        // About 10 % of 3 seats is 0 deputies; 2 of the 3 could be under 40: the list allows it.
        await Assertions.Expect(quota.Locator("g.quota-row[data-criterion='under_40']")).ToContainTextAsync("khoảng 10% trúng cử (0 người)");
        // About 32 % of 3 seats is 1 re-elected deputy, but no candidate was a deputy: no outcome reaches it.
        await Assertions.Expect(quota.Locator("g.quota-row[data-criterion='re_elected']")).ToContainTextAsync("✗ không thể đạt");
        await Assertions.Expect(quota.GetByTestId("quota-table")).ToContainTextAsync("Tùy kết quả bầu cử, số trúng cử thuộc tiêu chí này từ 0 đến 2 người.");
        await Assertions.Expect(quota.GetByTestId("quota-table")).ToContainTextAsync("1185/NQ-UBTVQH14");
        await Browser.ScreenshotAsync(page, "election-quota-2021");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hàng đợi cần xem xét" })).ToHaveAttributeAsync("href", $"/elections/{electionId}/review");
    }, user: "delegate-affairs-editor");

    [Fact]
    public Task Another_body_sees_the_charts_and_is_told_the_candidate_list_is_Delegate_Affairs_own() => RunAsync(async page =>
    {
        var scenario = await ScenarioAsync();
        var response = await page.GotoAsync($"/elections/{scenario.ElectionId}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByTestId("timeline").GetByTestId("today-marker")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("quota").Locator("svg[data-testid='quota-chart']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("candidates")).ToContainTextAsync("Chỉ Ban Công tác đại biểu xem được danh sách người ứng cử");
        await Assertions.Expect(page.GetByTestId("candidates").Locator("table")).ToHaveCountAsync(0);
        // No link to the review queue, which would only refuse them.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hàng đợi cần xem xét" })).ToHaveCountAsync(0);
    }, user: "home-affairs-viewer", width: 768, height: 1024);

    [Fact]
    public Task With_Delegate_Affairs_down_each_part_of_the_election_page_says_so_and_the_page_still_works() => RunAsync(async page =>
    {
        var scenario = await ScenarioAsync();
        await platform.KillAsync("delegate-affairs");
        try
        {
            var response = await page.GotoAsync($"/elections/{scenario.ElectionId}");
            Assert.Equal(200, response!.Status);
            foreach (var part in new[] { "timeline", "quota", "candidates" })
            {
                await Assertions.Expect(page.GetByTestId(part).Locator(".unavailable")).ToContainTextAsync("Ban Công tác đại biểu");
            }
            await page.GetByRole(AriaRole.Link, new() { Name = "Đại hội đảng bộ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lịch đại hội đảng bộ" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("congresses").Locator(".unavailable")).ToHaveCountAsync(0);
        }
        finally
        {
            await platform.StartAsync("delegate-affairs");
        }
    }, user: "delegate-affairs-viewer");

    [Fact]
    public Task The_congress_schedule_flags_a_congress_held_after_its_Directive_35_deadline() => RunAsync(async page =>
    {
        await Provinces.EnsureAsync(platform);
        var party = new PartyService.PartyServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        async Task<PartyCongress> CongressAsync(string id, string name, string province, string held)
        {
            await party.CreatePartyOrganizationAsync(new CreatePartyOrganizationRequest
            {
                PartyOrganization = new PartyOrganization { Id = id, Name = name, ProvinceCode = province },
            });
            return await party.CreatePartyCongressAsync(new CreatePartyCongressRequest
            {
                PartyCongress = new PartyCongress
                {
                    OrganizationId = id, Term = "2020-2025", PlannedDate = held, ActualDate = held, Status = CongressStatus.Held, DelegateCount = 350,
                },
            });
        }
        // Directive 35 sets 29/10/2020 for the committees directly under the Centre.
        var late = await CongressAsync($"dang-bo-tinh-yen-bai-{suffix}", "Đảng bộ tỉnh Yên Bái", "15", "2020-11-20");
        var onTime = await CongressAsync($"dang-bo-tinh-quang-ninh-{suffix}", "Đảng bộ tỉnh Quảng Ninh", "22", "2020-10-15");
        Assert.True(late.Late);
        Assert.False(onTime.Late);

        await page.GotoAsync("/congresses");
        var congresses = page.GetByTestId("congresses");
        var lateRow = congresses.Locator($"tr[data-congress='{late.Id}']");
        await Assertions.Expect(lateRow).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\blate\b"));
        await Assertions.Expect(lateRow.GetByTestId("late-flag")).ToHaveTextAsync("⚠ Muộn 22 ngày");
        await Assertions.Expect(lateRow).ToContainTextAsync("Đảng bộ tỉnh Yên Bái");
        await Assertions.Expect(lateRow).ToContainTextAsync("29/10/2020");
        var onTimeRow = congresses.Locator($"tr[data-congress='{onTime.Id}']");
        await Assertions.Expect(onTimeRow).ToContainTextAsync("Đúng hạn");
        await Assertions.Expect(onTimeRow.GetByTestId("late-flag")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "congresses");

        await page.GetByLabel("Chỉ đại hội muộn").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("congresses").Locator($"tr[data-congress='{late.Id}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("congresses").Locator($"tr[data-congress='{onTime.Id}']")).ToHaveCountAsync(0);

        // The schedule as a calendar file: the late congress on its day, said late.
        var download = await page.Context.APIRequest.GetAsync((await page.GetByTestId("congress-calendar").GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        var congress = Ical.Net.Calendar.Load(await download.TextAsync())!.Events.Single(e => e.Uid == $"{late.Id}@ke-hoach-lien-tich");
        Assert.Equal((new DateOnly(2020, 11, 20), "Đại hội Đảng bộ tỉnh Yên Bái nhiệm kỳ 2020-2025 (muộn so với thời hạn)"),
            (DateOnly.FromDateTime(congress.DtStart!.Value), congress.Summary));
    }, user: "organization-viewer");

    private static ILocator ReviewItem(IPage page, Candidate candidate) =>
        page.Locator($"[data-testid='review-item'][data-candidate='{candidate.Id}']");

    [Fact]
    public Task On_a_phone_the_candidates_vetting_shows_without_scrolling_and_the_charts_keep_readable_words() => RunAsync(async page =>
    {
        const int phone = 390;
        var scenario = await ScenarioAsync();
        await page.GotoAsync($"/elections/{scenario.ElectionId}");

        // Each candidate's vetting is inside the screen's width, named by its column.
        var vetting = page.Locator($"tr[data-candidate='{scenario.Ineligible.Id}']").GetByTestId("candidate-vetting");
        await Assertions.Expect(vetting).ToBeVisibleAsync();
        var box = await vetting.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= phone, $"the vetting cell spans {box.X}–{box.X + box.Width} px on a {phone} px screen");
        Assert.Equal("\"Thẩm tra: \"", await vetting.EvaluateAsync<string>("cell => getComputedStyle(cell, '::before').content"));

        // The charts scroll sideways at a readable size rather than shrinking: their words stay at 11 px or more.
        foreach (var chart in new[] { "timeline-chart", "quota-chart" })
        {
            var svg = page.Locator($"svg[data-testid='{chart}']");
            var drawn = await svg.EvaluateAsync<double[]>("svg => [svg.getBoundingClientRect().width, svg.viewBox.baseVal.width]");
            var smallestWords = 12 * drawn[0] / drawn[1]; // the charts' smallest text is 12 units of their viewBox
            Assert.True(smallestWords >= 10.5, $"{chart}: its 12-unit words are drawn at {smallestWords:0.0} px on a {phone} px screen");
        }
        await Browser.ScreenshotAsync(page, "election-phone");
    }, user: "delegate-affairs-viewer", width: 390, height: 844);

    private async Task RunAsync(Func<IPage, Task> test, string user = "delegate-affairs-reviewer", int width = 1366, int height = 768)
    {
        // Entered before the browser signs in: it also wakes every service, so that the first page is not the one to wait.
        await ScenarioAsync();
        var page = await (await Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, user, width, height);
        try
        {
            await test(page);
        }
        catch
        {
            output.WriteLine(page.Url);
            output.WriteLine(await page.ContentAsync());
            output.WriteLine(platform.Diagnostics());
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The scenario the election tests share, entered on the first test's demand.</summary>
    private async Task<Scenario> ScenarioAsync()
    {
        await ScenarioGate.WaitAsync();
        try
        {
            return _scenario ??= await EnterScenarioAsync();
        }
        finally
        {
            ScenarioGate.Release();
        }
    }

    /// <summary>A National Assembly election of 500 deputies with one 3-seat constituency in each province given.</summary>
    private static async Task<(string ElectionId, IReadOnlyList<Constituency> Constituencies)> EnterAssemblyElectionAsync(
        Grpc.Net.Client.GrpcChannel editor, string idPrefix, string term, DateOnly electionDay, int centralSeats, params string[] provinceCodes)
    {
        var electionId = $"{idPrefix}-{Guid.NewGuid():N}"[..(idPrefix.Length + 13)];
        await new ElectionService.ElectionServiceClient(editor).CreateElectionAsync(new CreateElectionRequest
        {
            Election = new Election
            {
                Id = electionId, Kind = ElectionKind.NationalAssembly, Term = term, TermStartYear = electionDay.Year, TermEndYear = electionDay.Year + 5,
                ElectionDay = electionDay.ToString("yyyy-MM-dd"), LawCode = "85/2015/QH13", TotalSeats = 500, CentralSeats = centralSeats, LocalSeats = 500 - centralSeats,
            },
        });
        var candidates = new CandidateService.CandidateServiceClient(editor);
        var constituencies = new List<Constituency>();
        foreach (var province in provinceCodes)
        {
            constituencies.Add(await candidates.CreateConstituencyAsync(new CreateConstituencyRequest
            {
                Constituency = new Constituency { ElectionId = electionId, ProvinceCode = province, Number = 1, Seats = 3 },
            }));
        }
        return (electionId, constituencies);
    }

    /// <summary>
    /// An election 60 days from now (so that today falls inside its timeline), constituencies in Hà Nội and Hồ Chí Minh
    /// City, and five candidates: two eligible, two unknown to Home Affairs (Needs review: one to settle, one to stay),
    /// and one whose Regulation 205 sanction runs past election day (ineligible).
    /// </summary>
    private async Task<Scenario> EnterScenarioAsync()
    {
        await Provinces.EnsureAsync(platform);
        var editor = platform.GrpcChannelWith(await platform.TokenAsync("delegate-affairs-editor"));
        var candidates = new CandidateService.CandidateServiceClient(editor);
        var cadres = new CadreService.CadreServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")));
        var officials = new OfficialService.OfficialServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor")));

        var electionDay = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(60);
        var (electionId, constituencies) = await EnterAssemblyElectionAsync(editor, "qh-screens", "XVI", electionDay, centralSeats: 217, "01", "79");
        var (hanoi, saigon) = (constituencies[0], constituencies[1]);

        async Task<Candidate> IntroduceAsync(Constituency constituency, string name, Sex sex, string ethnicity, string birthDate,
            bool atHomeAffairs = true, Regulation205Finding? finding = null)
        {
            var nationalId = $"001080{Interlocked.Increment(ref _nationalId):D6}";
            var sexWord = sex == Sex.Female ? "female" : "male";
            var cadre = new CadreRecord
            {
                NationalId = nationalId, FullName = name, BirthDate = birthDate, Sex = sexWord, Position = "Phó Bí thư Tỉnh ủy",
                PartyStanding = PartyStanding.FullMember, PartyJoinedDate = "2000-05-19", SuccessionPlanStatus = SuccessionPlanStatus.Planned,
            };
            if (finding is not null)
            {
                cadre.Regulation205Findings.Add(finding);
            }
            await cadres.CreateCadreRecordAsync(new CreateCadreRecordRequest { CadreRecord = cadre });
            if (atHomeAffairs)
            {
                await officials.CreateOfficialRecordAsync(new CreateOfficialRecordRequest
                {
                    OfficialRecord = new OfficialRecord
                    {
                        NationalId = nationalId, FullName = name, BirthDate = birthDate, Sex = sexWord, Ethnicity = ethnicity,
                        Category = OfficialCategory.Cadre, Agency = "Tỉnh ủy", Position = "Phó Bí thư", PositionLevel = PositionLevel.DepartmentDirector,
                        Rank = "Chuyên viên cao cấp", Education = EducationLevel.Master,
                    },
                });
            }
            return await candidates.CreateCandidateAsync(new CreateCandidateRequest
            {
                Candidate = new Candidate
                {
                    ElectionId = electionId, ConstituencyId = constituency.Id, NationalId = nationalId, FullName = name, BirthDate = birthDate,
                    Sex = sex, Ethnicity = ethnicity, PartyMember = true, NominatingLevel = NominatingLevel.Local, Occupation = "Phó Bí thư Tỉnh ủy",
                },
            });
        }

        var eligible = await IntroduceAsync(hanoi, "Nguyễn Thị Lan", Sex.Female, "Tày", "1983-03-08");
        await IntroduceAsync(saigon, "Trần Văn Minh", Sex.Male, "Kinh", "1975-08-19");
        var toSettle = await IntroduceAsync(hanoi, "Lê Hoàng Nam", Sex.Male, "Kinh", "1979-11-02", atHomeAffairs: false);
        var underReview = await IntroduceAsync(saigon, "Phạm Thu Hà", Sex.Female, "Kinh", "1988-01-25", atHomeAffairs: false);
        var fromItsPage = await IntroduceAsync(saigon, "Vũ Thị Mai", Sex.Female, "Kinh", "1985-04-12", atHomeAffairs: false);
        var ineligible = await IntroduceAsync(hanoi, "Đỗ Văn Khải", Sex.Male, "Kinh", "1970-06-30", finding: new Regulation205Finding
        {
            Kind = Regulation205FindingKind.PositionSeeking, Description = "Tác động để được giới thiệu ứng cử",
            FoundDate = electionDay.AddMonths(-6).ToString("yyyy-MM-dd"), SanctionUntil = electionDay.AddMonths(18).ToString("yyyy-MM-dd"),
        });

        foreach (var (candidate, status) in new[]
                 {
                     (eligible, VettingStatus.Eligible), (toSettle, VettingStatus.NeedsReview),
                     (underReview, VettingStatus.NeedsReview), (ineligible, VettingStatus.Ineligible), (fromItsPage, VettingStatus.NeedsReview),
                 })
        {
            await Poll.UntilAsync(async () =>
            {
                try
                {
                    var vetting = await candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = candidate.Id });
                    return vetting.Status == status && vetting.Bodies.All(b => b.Answered);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
                {
                    return false;
                }
            }, $"the vetting of {candidate.FullName} to be {status}", PlatformFixture.Timeout);
        }
        return new Scenario(electionId, eligible, toSettle, underReview, ineligible, fromItsPage);
    }
}
