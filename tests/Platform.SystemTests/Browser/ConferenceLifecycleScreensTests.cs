using Platform.Contracts.Routing;
using JointPlanningClient = Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.JointPlanning.V1;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.SystemTests.Browser;

/// <summary>
/// A conference's life on the screens before its conclusion: an editor of any body proposes one (their body leads)
/// and the co-organizers it invites get the invitation; the lead's editor changes its header, postpones it or
/// cancels it.
/// Each form shows the services' refusals beside the fields and keeps what was typed; viewers and co-organizers get
/// neither the links nor the pages.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConferenceLifecycleScreensTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];
    private JointPlanningClient _organization = null!;

    public async Task InitializeAsync() =>
        _organization = new(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")).ForBody("organization"));

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public Task An_editor_proposes_a_conference_and_the_body_it_invites_gets_the_invitation() => RunAsync(async () =>
    {
        var page = await SignInAsync("delegate-affairs-editor");
        await page.GotoAsync("/conferences");
        await page.GetByTestId("propose").ClickAsync();
        await Browser.ArrivedAsync(page, "/conferences/new");
        var form = page.GetByTestId("propose-form");
        await Assertions.Expect(form.GetByLabel("Giờ bắt đầu")).ToHaveValueAsync("08:00");

        // Sent empty: the lead's service names every missing field, each shown beside its input.
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đề xuất và lời mời" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#header-title-error")).ToHaveTextAsync("Bắt buộc, tối đa 300 ký tự.");
        await Assertions.Expect(page.Locator("#header-format-error")).ToHaveTextAsync("Chọn hình thức tổ chức.");
        await Assertions.Expect(page.Locator("#header-co-organizers-error")).ToHaveTextAsync("Chọn ít nhất một cơ quan phối hợp.");
        await Assertions.Expect(page.GetByTestId("form-errors").GetByRole(AriaRole.Link, new() { Name = "Tên hội nghị: Bắt buộc, tối đa 300 ký tự." }))
            .ToHaveAttributeAsync("href", "#header-title");

        // A deadline after the day is refused; what was typed stays.
        const string title = "Hội nghị liên tịch chuyên đề về công tác bầu cử (thử đề xuất)";
        form = page.GetByTestId("propose-form");
        await form.GetByLabel("Tên hội nghị").FillAsync(title);
        await form.GetByLabel("Loại hội nghị").SelectOptionAsync(new SelectOptionValue { Label = "Chuyên đề" });
        await form.GetByLabel("Kỳ sơ kết, tổng kết từ ngày").FillAsync("2026-01-01");
        await form.GetByLabel("đến ngày", new() { Exact = true }).FillAsync("2026-06-30");
        await form.GetByLabel("Ngày họp").FillAsync("2026-07-20");
        await form.GetByLabel("Hình thức").SelectOptionAsync(new SelectOptionValue { Label = "Trực tuyến" });
        await form.GetByLabel("Hạn chậm nhất trả lời lời mời").FillAsync("2026-07-25");
        await form.GetByLabel("Bộ Nội vụ").CheckAsync();
        await form.GetByLabel("Người chủ trì", new() { Exact = true }).FillAsync("Trần Thị Bình");
        await form.GetByLabel("Chức vụ người chủ trì").FillAsync("Trưởng Ban Công tác đại biểu");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đề xuất và lời mời" }).ClickAsync();
        await Assertions.Expect(page.Locator("#header-response-deadline-error")).ToHaveTextAsync("Không được sau ngày hội nghị.");
        await Assertions.Expect(page.Locator("#header-title-error")).ToHaveCountAsync(0);
        form = page.GetByTestId("propose-form");
        await Assertions.Expect(form.GetByLabel("Tên hội nghị")).ToHaveValueAsync(title);
        await Assertions.Expect(form.GetByLabel("Bộ Nội vụ")).ToBeCheckedAsync();
        await Assertions.Expect(form.GetByLabel("Ban Tổ chức Trung ương")).Not.ToBeCheckedAsync();
        await Browser.ScreenshotAsync(page, "propose-form");

        await form.GetByLabel("Hạn chậm nhất trả lời lời mời").FillAsync("2026-07-10");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đề xuất và lời mời" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/conferences/delegate-affairs\.2026-07-20-[0-9a-f]{6}$"));
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã đề xuất hội nghị; lời mời đã gửi đến Bộ Nội vụ.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByTestId("chair")).ToContainTextAsync("Trần Thị Bình");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đang chuẩn bị");
        await Assertions.Expect(page.GetByTestId("lead-actions")).ToBeVisibleAsync();
        var path = new Uri(page.Url).AbsolutePath;

        // Home Affairs gets the invitation by event and can answer it; Organization was not invited.
        var invited = await SignInAsync("home-affairs-editor");
        await invited.GotoAsync(path);
        await ReloadUntilAsync(invited, async () => await invited.GetByTestId("answer-form").CountAsync() == 1, "Home Affairs' invitation");
        await Assertions.Expect(invited.GetByTestId("lead-actions")).ToHaveCountAsync(0);
        var outsider = await SignInAsync("organization-editor");
        await outsider.GotoAsync(path);
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(outsider.GetByTestId("answer-form")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_viewer_may_not_propose() => RunAsync(async () =>
    {
        var page = await SignInAsync("organization-viewer");
        await page.GotoAsync("/conferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hội nghị liên tịch");
        await Assertions.Expect(page.GetByTestId("propose")).ToHaveCountAsync(0);
        var answer = await page.GotoAsync("/conferences/new");
        Assert.Equal(403, answer!.Status);
        await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_lead_edits_the_header_and_postpones_and_no_one_else_may() => RunAsync(async () =>
    {
        var id = await ProposeAsync();
        var lead = await SignInAsync("organization-editor");
        await lead.GotoAsync($"/conferences/{id}");
        await lead.GetByTestId("lead-actions").GetByRole(AriaRole.Link, new() { Name = "Sửa thông tin chung" }).ClickAsync();
        await Browser.ArrivedAsync(lead, $"/conferences/{id}/edit");

        // The form starts from what is stored; a cleared required field is refused and the rest kept.
        var form = lead.GetByTestId("header-form");
        await Assertions.Expect(form.GetByLabel("Chức vụ người chủ trì")).ToHaveValueAsync("Trưởng Ban Tổ chức Trung ương");
        await Assertions.Expect(form.GetByLabel("Loại hội nghị")).ToHaveValueAsync("HalfYearReview");
        await Assertions.Expect(form.GetByLabel("Ngày họp")).ToHaveCountAsync(0); // the day moves by postponement
        await form.GetByLabel("Tên hội nghị").FillAsync("Hội nghị liên tịch sơ kết công tác cán bộ (đã sửa)");
        await form.GetByLabel("Chức vụ người chủ trì").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin chung" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#header-chair-title-error")).ToHaveTextAsync("Bắt buộc, tối đa 300 ký tự.");
        await Browser.ScreenshotAsync(lead, "header-form");
        form = lead.GetByTestId("header-form");
        await Assertions.Expect(form.GetByLabel("Tên hội nghị")).ToHaveValueAsync("Hội nghị liên tịch sơ kết công tác cán bộ (đã sửa)");
        await form.GetByLabel("Chức vụ người chủ trì").FillAsync("Phó Trưởng Ban Tổ chức Trung ương");
        await form.GetByLabel("Người chủ trì", new() { Exact = true }).FillAsync("Lê Văn Cường");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin chung" }).ClickAsync();
        await Browser.ArrivedAsync(lead, $"/conferences/{id}");
        await Assertions.Expect(lead.GetByTestId("saved")).ToHaveTextAsync("Đã lưu thông tin chung; các cơ quan phối hợp được báo thay đổi.");
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hội nghị liên tịch sơ kết công tác cán bộ (đã sửa)");
        await Assertions.Expect(lead.GetByTestId("chair")).ToContainTextAsync("Lê Văn Cường, Phó Trưởng Ban Tổ chức Trung ương");

        // Postponed: the reason is required; then the new day, the reason and the plan back in preparation show.
        await lead.GetByTestId("lead-actions").GetByRole(AriaRole.Link, new() { Name = "Hoãn hội nghị" }).ClickAsync();
        await Browser.ArrivedAsync(lead, $"/conferences/{id}/postpone");
        await Assertions.Expect(lead.GetByTestId("current-date")).ToContainTextAsync("08:00, ngày 01/07/2020");
        var postpone = lead.GetByTestId("postpone-form");
        await postpone.GetByLabel("Ngày họp mới").FillAsync("2020-07-15");
        await postpone.GetByLabel("Hạn chậm nhất trả lời mới").FillAsync("2020-07-10");
        await postpone.GetByRole(AriaRole.Button, new() { Name = "Hoãn hội nghị" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#postpone-reason-error")).ToHaveTextAsync("Hãy ghi rõ lý do, tối đa 1000 ký tự.");
        postpone = lead.GetByTestId("postpone-form");
        await Assertions.Expect(postpone.GetByLabel("Ngày họp mới")).ToHaveValueAsync("2020-07-15");
        await postpone.GetByLabel("Lý do hoãn").FillAsync("Trùng lịch làm việc của Bộ Chính trị.");
        await Browser.ScreenshotAsync(lead, "postpone-form");
        await postpone.GetByRole(AriaRole.Button, new() { Name = "Hoãn hội nghị" }).ClickAsync();
        await Browser.ArrivedAsync(lead, $"/conferences/{id}");
        await Assertions.Expect(lead.GetByTestId("saved")).ToHaveTextAsync("Đã hoãn hội nghị đến 08:00 ngày 15/07/2020; các cơ quan phối hợp được báo lý do.");
        await Assertions.Expect(lead.GetByTestId("conference-header")).ToContainTextAsync("08:00, ngày 15/07/2020");
        await Assertions.Expect(lead.GetByTestId("conference-header")).ToContainTextAsync("Trùng lịch làm việc của Bộ Chính trị.");
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đang chuẩn bị");

        // A co-organizer's editor and the lead's viewer: no links, and the pages answer 403.
        foreach (var user in new[] { "home-affairs-editor", "organization-viewer" })
        {
            var other = await SignInAsync(user);
            await other.GotoAsync($"/conferences/{id}");
            await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hội nghị liên tịch sơ kết công tác cán bộ (đã sửa)");
            await Assertions.Expect(other.GetByTestId("lead-actions")).ToHaveCountAsync(0);
            foreach (var form2 in new[] { "edit", "postpone" })
            {
                var answer = await other.GotoAsync($"/conferences/{id}/{form2}");
                Assert.Equal(403, answer!.Status);
            }
        }

        // A conference no lead has: the page says so, with a 404.
        var missing = await lead.GotoAsync("/conferences/organization.khong-co-hoi-nghi-nay/edit");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy hội nghị");
    });

    [Fact]
    public Task The_lead_cancels_after_being_asked_and_the_conference_closes_for_everyone() => RunAsync(async () =>
    {
        var id = await ProposeAsync();
        var invited = await SignInAsync("home-affairs-editor");
        await invited.GotoAsync($"/conferences/{id}");
        await ReloadUntilAsync(invited, async () => await invited.GetByTestId("answer-form").CountAsync() == 1, "Home Affairs' invitation");

        var lead = await SignInAsync("organization-editor");
        await lead.GotoAsync($"/conferences/{id}");
        await lead.GetByTestId("lead-actions").GetByRole(AriaRole.Link, new() { Name = "Hủy hội nghị" }).ClickAsync();
        await Browser.ArrivedAsync(lead, $"/conferences/{id}/cancel");
        // The page asks before anything is sent, and points to postponing for a change of day.
        await Assertions.Expect(lead.GetByTestId("cancel-warning")).ToContainTextAsync("không thay đổi được nữa");
        var form = lead.GetByTestId("cancel-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Hủy hội nghị" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#cancel-reason-error")).ToHaveTextAsync("Hãy ghi rõ lý do, tối đa 1000 ký tự.");
        await Browser.ScreenshotAsync(lead, "cancel-form");
        await lead.GetByTestId("cancel-form").GetByLabel("Lý do hủy").FillAsync("Nội dung đã được lồng ghép vào hội nghị tổng kết năm.");
        await lead.GetByTestId("cancel-form").GetByRole(AriaRole.Button, new() { Name = "Hủy hội nghị" }).ClickAsync();
        await Browser.ArrivedAsync(lead, $"/conferences/{id}");
        await Assertions.Expect(lead.GetByTestId("saved")).ToHaveTextAsync("Đã hủy hội nghị; các cơ quan phối hợp được báo lý do.");
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đã hủy");
        await Assertions.Expect(lead.GetByTestId("cancellation-reason")).ToHaveTextAsync("Nội dung đã được lồng ghép vào hội nghị tổng kết năm.");
        await Assertions.Expect(lead.GetByTestId("lead-actions")).ToHaveCountAsync(0);
        await Assertions.Expect(lead.Locator("main form")).ToHaveCountAsync(0);

        // The co-organizer hears it by event: its answer and contribution forms go away.
        await ReloadUntilAsync(invited, async () => await invited.GetByTestId("answer-form").CountAsync() == 0, "Home Affairs to hear of the cancellation");
        await Assertions.Expect(invited.GetByTestId("status")).ToHaveTextAsync("Đã hủy");
        await Assertions.Expect(invited.GetByTestId("participation-form")).ToHaveCountAsync(0);

        // The list finds it among the cancelled; the lead's forms say it is closed.
        await lead.GotoAsync("/conferences?status=CANCELLED&from=2020-07-01&to=2020-07-01");
        await Assertions.Expect(lead.GetByTestId("conferences").Locator($"a[href='/conferences/{id}']")).ToBeVisibleAsync();
        await lead.GotoAsync($"/conferences/{id}/postpone");
        await Assertions.Expect(lead.GetByTestId("closed")).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByTestId("postpone-form")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task On_a_phone_each_conferences_status_shows_without_scrolling() => RunAsync(async () =>
    {
        const int phone = 390;
        var id = await ProposeAsync();
        var page = await (await Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, "organization-viewer", phone, 844);
        _pages.Add(page);
        await page.GotoAsync("/conferences?from=2020-07-01&to=2020-07-01");
        var status = page.GetByTestId("conference-row").Filter(new() { Has = page.Locator($"a[href='/conferences/{id}']") }).GetByTestId("conference-status");
        await Assertions.Expect(status).ToHaveTextAsync("Đang chuẩn bị"); // its column's name is drawn by CSS, checked below
        var box = await status.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= phone, $"the status cell spans {box.X}–{box.X + box.Width} px on a {phone} px screen");
        Assert.Equal("\"Trạng thái: \"", await status.EvaluateAsync<string>("cell => getComputedStyle(cell, '::before').content"));
    });

    [Fact]
    public Task A_co_organizer_downloads_its_calendar_with_the_conference_it_is_invited_to() => RunAsync(async () =>
    {
        var id = await ProposeAsync();
        var page = await SignInAsync("home-affairs-viewer");
        await page.GotoAsync("/conferences");
        await Assertions.Expect(page.GetByTestId("calendar")).ToHaveAttributeAsync("href", "/lich.ics");

        // Home Affairs hears of the invitation by event: its calendar has the conference once it has.
        Ical.Net.CalendarComponents.CalendarEvent? invited = null;
        await Poll.UntilAsync(async () =>
        {
            var answer = await page.Context.APIRequest.GetAsync("/lich.ics"); // with the person's cookie
            Assert.Equal(200, answer.Status);
            Assert.StartsWith("text/calendar", answer.Headers["content-type"]);
            var calendar = Ical.Net.Calendar.Load(await answer.TextAsync())!;
            invited = calendar.Events.SingleOrDefault(e => e.Uid == $"{id}@ke-hoach-lien-tich");
            return invited is not null;
        }, "the invitation in Home Affairs' calendar", PlatformFixture.Timeout);
        Assert.Equal(new DateTime(2020, 7, 1, 1, 0, 0, DateTimeKind.Utc), invited!.DtStart!.AsUtc); // 08:00 in Viet Nam
        Assert.Equal("Hội nghị liên tịch sơ kết công tác cán bộ (thử sửa, hoãn)", invited.Summary);
        Assert.Equal(Ical.Net.EventStatus.Tentative, invited.Status); // still being planned

        // The invitation waits on Home Affairs' answer: its "due" list says so, past the response deadline of 25/6/2020.
        await page.GotoAsync("/notifications");
        var due = page.Locator($"[data-testid='due-item'][data-ref='{id}']");
        await Assertions.Expect(due).ToHaveAttributeAsync("data-kind", "Invitation");
        await Assertions.Expect(due).ToContainTextAsync("Trả lời lời mời: Hội nghị liên tịch sơ kết công tác cán bộ (thử sửa, hoãn)");
        await Assertions.Expect(due.GetByTestId("due-when")).ToContainTextAsync("(hạn 25/06/2020)");
        await Assertions.Expect(due.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/conferences/{id}#participation");
    });

    private async Task RunAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            foreach (var page in _pages.Where(p => !p.IsClosed))
            {
                output.WriteLine($"--- {page.Url} ---\n{await page.ContentAsync()}");
            }
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await (await Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, user);
        _pages.Add(page);
        return page;
    }

    /// <summary>A conference Organization leads with Home Affairs invited, proposed through its service.</summary>
    private async Task<string> ProposeAsync()
    {
        var conference = new Conference
        {
            Title = "Hội nghị liên tịch sơ kết công tác cán bộ (thử sửa, hoãn)",
            Kind = ConferenceKind.HalfYearReview, PeriodStart = "2020-01-01", PeriodEnd = "2020-06-30", Date = "2020-07-01", StartTime = "08:00",
            Format = ConferenceFormat.Online, ResponseDeadline = "2020-06-25",
            Chair = new Chair { Name = "Phạm Minh Chính", Title = "Trưởng Ban Tổ chức Trung ương", Body = "organization" },
            CoOrganizers = { "home-affairs" },
        };
        var proposed = await _organization.ProposeConferenceAsync(new ProposeConferenceRequest
        {
            ConferenceId = $"vong-doi-{Guid.NewGuid():N}"[..24], Conference = conference,
        });
        return proposed.Id;
    }

    /// <summary>Reloads the page until what it shows comes true: the services agree by events, so a page read may be early.</summary>
    private static Task ReloadUntilAsync(IPage page, Func<Task<bool>> shown, string what) =>
        Poll.UntilAsync(async () =>
        {
            if (await shown())
            {
                return true;
            }
            await page.ReloadAsync();
            return await shown();
        }, what, PlatformFixture.Timeout);
}
