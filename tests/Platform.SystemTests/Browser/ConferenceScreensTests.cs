using Platform.Contracts.Routing;
using JointPlanningClient = Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Playwright;
using Platform.JointPlanning.V1;
using Platform.SeedLoader;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.SystemTests.Browser;

/// <summary>
/// The joint-planning screens in a real browser against the running platform: each body's editors and a viewer walk
/// the seed conference of 1 July 2020 with all three bodies' parts; a co-organizer contributes through its forms and
/// the readiness matrix follows; the lead records the outcome and issues a task whose owner reports progress and sees
/// it overdue; a viewer, or a body with no part, gets no edit controls; a body's service down leaves the rest readable.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConferenceScreensTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{

    private static readonly SemaphoreSlim SeedGate = new(1, 1);
    private static string? _seedId;

    private readonly List<IPage> _pages = [];
    private JointPlanningClient _organization = null!;
    private JointPlanningClient _homeAffairs = null!;
    private JointPlanningClient _delegateAffairs = null!;

    public async Task InitializeAsync()
    {
        await Provinces.EnsureAsync(platform);
        _organization = new(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")).ForBody("organization"));
        _homeAffairs = new(platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor")).ForBody("home-affairs"));
        _delegateAffairs = new(platform.GrpcChannelWith(await platform.TokenAsync("delegate-affairs-editor")).ForBody("delegate-affairs"));
    }

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public Task Each_bodys_editor_and_a_viewer_walk_the_seed_conference_with_all_three_bodies_parts() => RunAsync(async () =>
    {
        var seedId = await SeedConferenceAsync();
        var progressForms = new Dictionary<string, int>
        {
            // The seed's five tasks are owned jointly by the three bodies.
            ["organization-editor"] = 5, ["home-affairs-editor"] = 5, ["delegate-affairs-editor"] = 5, ["delegate-affairs-viewer"] = 0,
        };
        foreach (var (user, forms) in progressForms)
        {
            var page = await SignInAsync(user);
            await page.GotoAsync("/conferences?status=CONCLUDED&from=2020-07-01&to=2020-07-01");
            var link = page.GetByTestId("conferences").Locator($"a[href='/conferences/{seedId}']");
            await Assertions.Expect(link).ToBeVisibleAsync();
            if (user == "organization-editor")
            {
                await page.GotoAsync("/conferences");
                await Assertions.Expect(link).ToBeVisibleAsync();
                await Browser.ScreenshotAsync(page, "conferences");
            }
            await link.ClickAsync();
            await Browser.ArrivedAsync(page, $"/conferences/{seedId}");

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("sơ kết 6 tháng đầu năm");
            await Assertions.Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("sơ kết 6 tháng đầu năm"); // the title, not the code
            await Assertions.Expect(page.GetByTestId("breadcrumb")).Not.ToContainTextAsync(seedId);
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã kết luận");
            await Assertions.Expect(page.GetByTestId("chair")).ToContainTextAsync("Phạm Minh Chính");
            await Assertions.Expect(page.GetByTestId("unavailable")).ToHaveCountAsync(0);

            // Readiness: the three bodies, each accepted and ready.
            var readiness = page.GetByTestId("readiness");
            foreach (var body in new[] { "organization", "home-affairs", "delegate-affairs" })
            {
                await Assertions.Expect(readiness.GetByTestId($"readiness-{body}").GetByTestId("readiness-state")).ToHaveTextAsync("Sẵn sàng");
            }
            await Assertions.Expect(readiness.GetByTestId("readiness-organization")).ToContainTextAsync("Đã nhận lời");

            // The agenda as a timeline: ten items from 08:00, the chair's conclusion last.
            var agenda = page.GetByTestId("agenda").GetByTestId("agenda-item");
            await Assertions.Expect(agenda).ToHaveCountAsync(10);
            await Assertions.Expect(agenda.First).ToContainTextAsync("08:00");
            await Assertions.Expect(agenda.Last).ToContainTextAsync("Phát biểu kết luận Hội nghị");
            await Assertions.Expect(agenda.Last).ToContainTextAsync("Phạm Minh Chính");

            // Ten bridge points at eight provinces and cities; Hà Nội holds one of each body, with attendance recorded.
            var bridgePoints = page.GetByTestId("bridge-points");
            await Assertions.Expect(bridgePoints.GetByTestId("bridge-point")).ToHaveCountAsync(10);
            await Assertions.Expect(bridgePoints.GetByTestId("site")).ToHaveCountAsync(8);
            var haNoi = bridgePoints.GetByTestId("site").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "mã 01" }) });
            await Assertions.Expect(haNoi.GetByTestId("bridge-point")).ToHaveCountAsync(3);
            await Assertions.Expect(haNoi.GetByTestId("bridge-point").Filter(new() { HasText = "Trụ sở Ban Tổ chức Trung ương" }))
                .ToContainTextAsync("146 người");

            // The five good practices; the three bodies' reports.
            var practices = page.GetByTestId("good-practices").GetByTestId("good-practice");
            await Assertions.Expect(practices).ToHaveCountAsync(5);
            foreach (var unit in new[] { "Đảng ủy Công an Trung ương", "Tỉnh ủy Yên Bái", "Tỉnh ủy Quảng Ninh", "Thành ủy Thành phố Hồ Chí Minh", "Tỉnh ủy Long An" })
            {
                await Assertions.Expect(practices.Filter(new() { HasText = unit })).ToHaveCountAsync(1);
            }
            await Assertions.Expect(page.GetByTestId("report-home-affairs")).ToContainTextAsync("Bộ Nội vụ phối hợp chặt chẽ");

            // The conclusion's five tasks with each owner's progress; those due in 2020 and not done are overdue.
            await Assertions.Expect(page.GetByTestId("conclusion-summary")).ToContainTextAsync("không để sót những người có đức, có tài");
            var tasks = page.GetByTestId("tasks").GetByTestId("task");
            await Assertions.Expect(tasks).ToHaveCountAsync(5);
            await Assertions.Expect(tasks.Nth(1).GetByTestId("owner-organization")).ToContainTextAsync("Hoàn thành");
            await Assertions.Expect(tasks.First.GetByTestId("owner-home-affairs").GetByTestId("percent")).ToHaveTextAsync("60%");
            await ReloadUntilAsync(page, async () =>
                await page.GetByTestId("task").First.GetByTestId("owner-delegate-affairs").GetAttributeAsync("class") == "overdue",
                "the seed's first task to be overdue for Delegate Affairs");
            await Assertions.Expect(page.GetByTestId("task").First).ToHaveClassAsync(new Regex(@"\boverdue\b"));

            // Edit controls: progress only on the body's own tasks, nothing for a viewer; contributions are closed.
            await Assertions.Expect(page.GetByTestId("progress-form")).ToHaveCountAsync(forms);
            await Assertions.Expect(page.GetByTestId("participation-form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("attendance-form")).ToHaveCountAsync(user == "organization-editor" ? 1 : 0);
            if (user == "delegate-affairs-viewer")
            {
                await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
                await Browser.ScreenshotAsync(page, "conference");
                await DownloadNoticeAsync(page);
            }
        }
    });

    [Fact]
    public Task A_co_organizer_accepts_and_contributes_through_its_forms_and_the_readiness_matrix_follows() => RunAsync(async () =>
    {
        var id = await ProposeAsync("home-affairs", "delegate-affairs");
        var page = await SignInAsync("home-affairs-editor");
        await OpenWhenInvitedAsync(page, id);
        var row = page.GetByTestId("readiness").GetByTestId("readiness-home-affairs");
        await Assertions.Expect(row.GetByTestId("readiness-state")).ToContainTextAsync("Còn thiếu: nhận lời, nội dung chương trình, điểm cầu, báo cáo sơ kết");
        var form = page.GetByTestId("participation-form");

        // The service refuses an item without a title: its message stands next to the field, which points to it.
        await form.GetByLabel("Loại", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Báo cáo" });
        await form.GetByLabel("Thời lượng (phút)").FillAsync("15");
        await form.GetByLabel("Người trình bày").FillAsync("Vũ Đăng Khoa");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm nội dung" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#agenda-title-error")).ToHaveTextAsync("Bắt buộc, tối đa 300 ký tự.");
        await Assertions.Expect(page.GetByLabel("Tên nội dung")).ToHaveAttributeAsync("aria-describedby", "agenda-title-error");
        await Assertions.Expect(page.GetByLabel("Người trình bày")).ToHaveValueAsync("Vũ Đăng Khoa");

        // Accept, then contribute an agenda item, a bridge point and the review report.
        await form.GetByLabel("Nhận lời tham gia").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        // The confirmation is beside the form used: in the part the page lands on (the address's #fragment, CSS :target).
        await Assertions.Expect(page.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã gửi trả lời.");
        await Assertions.Expect(page.GetByTestId("own-response")).ToHaveTextAsync("Đã nhận lời");

        await form.GetByLabel("Tên nội dung").FillAsync("Báo cáo sơ kết công tác nội vụ 6 tháng đầu năm");
        await form.GetByLabel("Thời lượng (phút)").FillAsync("20");
        await form.GetByLabel("Người trình bày").FillAsync("Vũ Đăng Khoa");
        await form.GetByLabel("Chức vụ", new() { Exact = true }).FillAsync("Thứ trưởng Bộ Nội vụ");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm nội dung" }).ClickAsync();
        await Assertions.Expect(page.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã thêm nội dung vào chương trình.");
        await Assertions.Expect(page.GetByTestId("own-agenda-items")).ToContainTextAsync("Báo cáo sơ kết công tác nội vụ");

        // An added item is edited in place: its "Sửa" fills the form, which saves over it.
        await page.GetByTestId("own-agenda-items").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Sửa nội dung: Báo cáo sơ kết") }).ClickAsync();
        var itemForm = page.GetByTestId("agenda-item-form");
        await Assertions.Expect(itemForm.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Sửa nội dung 1");
        await Assertions.Expect(itemForm.GetByLabel("Chức vụ", new() { Exact = true })).ToHaveValueAsync("Thứ trưởng Bộ Nội vụ");
        await itemForm.GetByLabel("Thời lượng (phút)").FillAsync("25");
        await itemForm.GetByRole(AriaRole.Button, new() { Name = "Lưu nội dung" }).ClickAsync();
        await Assertions.Expect(page.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã sửa nội dung.");
        await Assertions.Expect(page.GetByTestId("own-agenda-items").Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("own-agenda-items")).ToContainTextAsync("25 phút");
        await Assertions.Expect(page.GetByTestId("agenda-item-form").GetByRole(AriaRole.Heading)).ToHaveTextAsync("Thêm nội dung");

        // The site is found by its name typed without marks; what else was typed stays.
        await form.GetByLabel("Địa điểm").FillAsync("Hội trường Tỉnh ủy Quảng Ninh");
        await form.GetByLabel("Tìm tỉnh, thành phố").FillAsync("ha");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        form = page.GetByTestId("participation-form");
        await Assertions.Expect(form.GetByTestId("site-matches").GetByRole(AriaRole.Button, new() { Name = "Thành phố Hà Nội (01)" })).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("Địa điểm")).ToHaveValueAsync("Hội trường Tỉnh ủy Quảng Ninh");
        // Nothing typed asks for a name; a name no unit of the conference's day has says so (Sài Gòn is no province's name).
        await form.GetByLabel("Tìm tỉnh, thành phố").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        form = page.GetByTestId("participation-form");
        await Assertions.Expect(form.GetByTestId("site-search-empty")).ToBeVisibleAsync();
        await form.GetByLabel("Tìm tỉnh, thành phố").FillAsync("sai gon");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        form = page.GetByTestId("participation-form");
        await Assertions.Expect(form.GetByTestId("site-search-none")).ToContainTextAsync("Không có tỉnh, thành phố nào tên như vậy");
        await form.GetByLabel("Tìm tỉnh, thành phố").FillAsync("quang ninh");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        form = page.GetByTestId("participation-form");
        await Assertions.Expect(form.GetByLabel("Mã đơn vị hành chính")).ToHaveValueAsync("22");
        await Assertions.Expect(form.GetByTestId("site-name")).ToHaveTextAsync("Tỉnh Quảng Ninh");
        await form.GetByLabel("Người chủ trì tại điểm cầu").FillAsync("Vũ Thị Thu Hà");
        await form.GetByLabel("Số người dự kiến").FillAsync("90");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm điểm cầu" }).ClickAsync();
        await Assertions.Expect(page.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã thêm điểm cầu.");
        await Assertions.Expect(page.GetByTestId("own-bridge-points")).ToContainTextAsync("Quảng Ninh");

        await form.GetByLabel("Kết quả đạt được").FillAsync("Bộ Nội vụ phối hợp chặt chẽ trong công tác cán bộ phục vụ đại hội.");
        await form.GetByLabel("Hạn chế, khó khăn").FillAsync("Việc bố trí cán bộ dôi dư còn chậm.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu báo cáo" }).ClickAsync();
        await Assertions.Expect(page.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã lưu báo cáo sơ kết.");
        await Assertions.Expect(page.GetByTestId("bridge-points").GetByTestId("bridge-point")).ToContainTextAsync("Vũ Thị Thu Hà");

        // The lead's process manager hears of it by event: the matrix shows Home Affairs ready, the others not.
        await ReloadUntilAsync(page, async () =>
            await page.GetByTestId("readiness-home-affairs").GetByTestId("readiness-state").TextContentAsync() is { } state
            && state.Trim() == "Sẵn sàng", "Home Affairs ready in the lead's readiness");
        row = page.GetByTestId("readiness").GetByTestId("readiness-home-affairs");
        await Assertions.Expect(row.GetByTestId("agenda-count")).ToHaveTextAsync("1");
        await Assertions.Expect(row.GetByTestId("bridge-point-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("readiness-delegate-affairs").GetByTestId("readiness-state")).ToContainTextAsync("Còn thiếu");
        await Assertions.Expect(page.GetByTestId("proposed-agenda")).ToContainTextAsync("Báo cáo sơ kết công tác nội vụ");
        await Browser.ScreenshotAsync(page, "participation-form");

        // A decline needs its reason; without it the service names the field.
        await form.GetByLabel("Từ chối", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        await Assertions.Expect(page.Locator("#answer-decline-reason-error")).ToHaveTextAsync("Cần nêu lý do khi từ chối.");
        await Assertions.Expect(page.GetByTestId("own-response")).ToHaveTextAsync("Đã nhận lời");

        // A contribution taken back, then put back with one click ("Hoàn tác"), as it was, and taken back again.
        await page.GetByTestId("own-bridge-points").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Bỏ điểm cầu") }).ClickAsync();
        await Assertions.Expect(page.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã bỏ điểm cầu.");
        await Assertions.Expect(page.GetByTestId("own-bridge-points")).ToHaveCountAsync(0);
        await page.Locator(":target").GetByTestId("undo").GetByRole(AriaRole.Button, new() { Name = "Hoàn tác" }).ClickAsync();
        await Assertions.Expect(page.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã khôi phục điểm cầu.");
        await Assertions.Expect(page.GetByTestId("own-bridge-points")).ToContainTextAsync("Hội trường Tỉnh ủy Quảng Ninh");
        await Assertions.Expect(page.GetByTestId("own-bridge-points")).ToContainTextAsync("Vũ Thị Thu Hà");
        await Assertions.Expect(page.GetByTestId("own-bridge-points")).Not.ToContainTextAsync("diem-cau"); // internal keys are not shown
        await Assertions.Expect(page.GetByTestId("undo")).ToHaveCountAsync(0); // offered once, after the removal only
        await page.GetByTestId("own-bridge-points").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Bỏ điểm cầu") }).ClickAsync();
        await Assertions.Expect(page.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã bỏ điểm cầu.");
        await Assertions.Expect(page.GetByTestId("own-bridge-points")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task The_lead_records_the_outcome_and_issues_a_task_whose_owner_reports_progress_and_sees_it_overdue() => RunAsync(async () =>
    {
        var id = await ProposeAsync("home-affairs", "delegate-affairs");
        await ContributeAsync(id, ("organization", "01"), ("home-affairs", "22"), ("delegate-affairs", "15"));
        await Poll.UntilAsync(async () =>
            (await _organization.GetConferenceAsync(new GetConferenceRequest { Id = id })).Status == ConferenceStatus.Scheduled,
            "the conference to be scheduled", PlatformFixture.Timeout);

        var lead = await SignInAsync("organization-editor");
        await lead.GotoAsync($"/conferences/{id}");
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đã xếp lịch");
        await Assertions.Expect(lead.GetByTestId("agenda").GetByTestId("agenda-item")).ToHaveCountAsync(3);

        // Attendance at a bridge point, and a good practice.
        var attendance = lead.GetByTestId("attendance-form");
        await attendance.GetByLabel("Trụ sở (Bộ Nội vụ)").FillAsync("45");
        await attendance.GetByRole(AriaRole.Button, new() { Name = "Lưu số người có mặt" }).ClickAsync();
        await Assertions.Expect(lead.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã ghi nhận số người dự.");
        await Assertions.Expect(lead.GetByTestId("bridge-point").Filter(new() { HasText = "Bộ Nội vụ" }).GetByTestId("attended"))
            .ToHaveTextAsync("45 người");
        var practice = lead.GetByTestId("good-practice-form");
        await practice.GetByLabel("Đơn vị").FillAsync("Tỉnh ủy Yên Bái");
        await practice.GetByLabel("Tên mô hình, cách làm").FillAsync("Ngày thứ 7 cùng dân");
        await practice.GetByLabel("Tóm tắt").FillAsync("Lãnh đạo tỉnh gặp gỡ nhân dân và doanh nghiệp.");
        await practice.GetByRole(AriaRole.Button, new() { Name = "Thêm mô hình" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("good-practice")).ToHaveCountAsync(1);
        await Assertions.Expect(lead.GetByTestId("good-practice")).ToContainTextAsync("Ngày thứ 7 cùng dân");
        // Removed by mistake and put back.
        await lead.GetByTestId("good-practice").GetByRole(AriaRole.Button, new() { Name = "Bỏ mô hình: Ngày thứ 7 cùng dân" }).ClickAsync();
        await Assertions.Expect(lead.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã bỏ mô hình, cách làm hay.");
        await Assertions.Expect(lead.GetByTestId("good-practice")).ToHaveCountAsync(0);
        await lead.Locator(":target").GetByTestId("undo").GetByRole(AriaRole.Button, new() { Name = "Hoàn tác" }).ClickAsync();
        await Assertions.Expect(lead.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã khôi phục mô hình, cách làm hay.");
        await Assertions.Expect(lead.GetByTestId("good-practice")).ToContainTextAsync("Lãnh đạo tỉnh gặp gỡ nhân dân và doanh nghiệp.");
        // And edited in place.
        await lead.GetByTestId("good-practice").GetByRole(AriaRole.Link, new() { Name = "Sửa mô hình: Ngày thứ 7 cùng dân" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("good-practice-form").GetByLabel("Đơn vị")).ToHaveValueAsync("Tỉnh ủy Yên Bái");
        await lead.GetByTestId("good-practice-form").GetByLabel("Tên mô hình, cách làm").FillAsync("Ngày thứ bảy cùng dân");
        await lead.GetByTestId("good-practice-form").GetByRole(AriaRole.Button, new() { Name = "Lưu mô hình" }).ClickAsync();
        await Assertions.Expect(lead.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã sửa mô hình, cách làm hay.");
        await Assertions.Expect(lead.GetByTestId("good-practice")).ToHaveCountAsync(1);
        await Assertions.Expect(lead.GetByTestId("good-practice")).ToContainTextAsync("Ngày thứ bảy cùng dân");

        // The conclusion: without a summary or tasks the service refuses, naming both.
        var notice = lead.GetByTestId("conclusion-form");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Ban hành kết luận" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#notice-summary-error")).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByLabel("Nội dung kết luận")).ToHaveAttributeAsync("aria-describedby", "notice-summary-error");
        await Assertions.Expect(lead.Locator("#notice-tasks-error")).ToHaveTextAsync("Cần từ 1 đến 200 nhiệm vụ.");

        notice = lead.GetByTestId("conclusion-form");
        await notice.GetByLabel("Nội dung kết luận").FillAsync("Ba cơ quan tập trung tham mưu thực hiện Chỉ thị 35-CT/TW, Chỉ thị 45-CT/TW.");
        var first = notice.GetByTestId("task-row").Nth(0);
        await first.GetByLabel("Ban Công tác đại biểu").CheckAsync();
        await first.GetByLabel("Nội dung nhiệm vụ 1").FillAsync("Chuẩn bị bầu cử đại biểu Quốc hội khóa XV và Hội đồng nhân dân các cấp");
        await first.GetByLabel("Hạn chậm nhất hoàn thành nhiệm vụ 1").FillAsync("2020-12-31");
        await first.GetByLabel("Số hiệu văn bản căn cứ (nhiệm vụ 1)").FillAsync("45-CT/TW");
        await first.GetByLabel("Ngày của văn bản căn cứ (nhiệm vụ 1)").FillAsync("2020-06-20");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng nhiệm vụ" }).ClickAsync();
        notice = lead.GetByTestId("conclusion-form");
        await Assertions.Expect(notice.GetByTestId("task-row")).ToHaveCountAsync(2);
        await Assertions.Expect(notice.GetByLabel("Số hiệu văn bản căn cứ (nhiệm vụ 1)")).ToHaveValueAsync("45-CT/TW");
        var second = notice.GetByTestId("task-row").Nth(1);
        await second.GetByLabel("Ban Tổ chức Trung ương").CheckAsync();
        await second.GetByLabel("Nội dung nhiệm vụ 2").FillAsync("Thực hiện nghiêm Quy định 205-QĐ/TW");
        await second.GetByLabel("Hạn chậm nhất hoàn thành nhiệm vụ 2").FillAsync("2099-12-31");
        await second.GetByLabel("Số hiệu văn bản căn cứ (nhiệm vụ 2)").FillAsync("205-QĐ/TW");
        await second.GetByLabel("Ngày của văn bản căn cứ (nhiệm vụ 2)").FillAsync("2019-09-23");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Ban hành kết luận" }).ClickAsync();
        await Assertions.Expect(lead.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã ban hành thông báo kết luận với 2 nhiệm vụ.");
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đã kết luận");
        await Assertions.Expect(lead.GetByTestId("task")).ToHaveCountAsync(2);

        // The owner sees its task fall overdue on the board (due 2020-12-31, swept every second here).
        var owner = await SignInAsync("delegate-affairs-editor");
        var taskId = $"{id}.1";
        var card = owner.Locator($"[data-testid='task-card'][data-task-id='{taskId}']");
        await owner.GotoAsync("/tasks?owner=delegate-affairs&overdue=true");
        await ReloadUntilAsync(owner, async () => await card.CountAsync() == 1, "the task to be listed overdue for Delegate Affairs");
        await Assertions.Expect(card).ToHaveClassAsync(new Regex(@"\boverdue\b"));
        await Assertions.Expect(card).ToContainTextAsync("Quá hạn");

        // It reports progress on its card, through its own service; the board keeps the history, and the task stays
        // overdue until done.
        await owner.GotoAsync("/tasks");
        var form = card.GetByTestId("progress-form");
        await form.GetByLabel("Kết quả, ghi chú").FillAsync(new string('x', 2001));
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo tiến độ" }).ClickAsync();
        await Assertions.Expect(card.Locator(".field-error")).ToHaveTextAsync("Tối đa 2000 ký tự.");
        form = card.GetByTestId("progress-form");
        await form.GetByLabel("Tỷ lệ hoàn thành (%)").FillAsync("40");
        await form.GetByLabel("Kết quả, ghi chú").FillAsync("Đã dự kiến cơ cấu, thành phần người ứng cử.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo tiến độ" }).ClickAsync();
        await Assertions.Expect(owner.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã báo cáo tiến độ.");
        await Assertions.Expect(card.GetByTestId("percent")).ToHaveTextAsync("40%");
        await Assertions.Expect(card.GetByTestId("progress-history")).ToContainTextAsync("40% — Đã dự kiến cơ cấu, thành phần người ứng cử.");
        await Assertions.Expect(card).ToHaveClassAsync(new Regex(@"\boverdue\b"));
        await Assertions.Expect(owner.GetByTestId("board-organization").Locator($"[data-task-id='{id}.2']")).Not.ToHaveClassAsync(new Regex("overdue"));
        await Browser.ScreenshotAsync(owner, "tasks");

        // Its "due" list has the task, overdue, and leads to its card; the task not its own (the Organization's) is not there.
        await owner.GotoAsync("/notifications");
        var due = owner.Locator($"[data-testid='due-item'][data-ref='{taskId}']");
        await Assertions.Expect(due).ToHaveAttributeAsync("data-kind", "Task");
        await Assertions.Expect(due).ToContainTextAsync("Chuẩn bị bầu cử đại biểu Quốc hội khóa XV");
        await Assertions.Expect(due.GetByTestId("due-when")).ToContainTextAsync("Quá hạn");
        await Assertions.Expect(owner.Locator($"[data-testid='due-item'][data-ref='{id}.2']")).ToHaveCountAsync(0); // the Organization's
        await Browser.ScreenshotAsync(owner, "notifications");
        await due.GetByRole(AriaRole.Link).ClickAsync();
        await Browser.ArrivedAsync(owner, "/tasks");
        await Assertions.Expect(card).ToBeVisibleAsync();

        // The conference page shows the owner's progress, read from its own service.
        await card.GetByRole(AriaRole.Link, new() { Name = "Hội nghị liên tịch sơ kết 6 tháng đầu năm 2020 (thử giao diện)" }).ClickAsync();
        var task = owner.GetByTestId("task").First;
        await Assertions.Expect(task.GetByTestId("owner-delegate-affairs").GetByTestId("percent")).ToHaveTextAsync("40%");
        await Assertions.Expect(task.GetByTestId("owner-delegate-affairs")).ToContainTextAsync("Đã dự kiến cơ cấu, thành phần người ứng cử.");
        await Assertions.Expect(task.GetByTestId("progress-form")).ToHaveCountAsync(1);
    });

    [Fact]
    public Task The_lead_goes_on_without_a_late_co_organizer_and_a_stale_or_premature_request_is_refused_with_a_clear_message() => RunAsync(async () =>
    {
        var id = await ProposeAsync("home-affairs", "delegate-affairs");
        await ContributeAsync(id, ("organization", "01"), ("home-affairs", "22"));
        var lead = await SignInAsync("organization-editor");
        await lead.GotoAsync($"/conferences/{id}");
        // Delegate Affairs never answers: past the response deadline the sweep flags it, and the lead may go on without it.
        // Home Affairs' contribution reaches the lead by an event, which changes the conference (and its etag) too: the
        // page is read once both are in, or the refusal below would be for a stale etag instead.
        await ReloadUntilAsync(lead, async () => await lead.GetByTestId("schedule-form").CountAsync() == 1
            && await ReadyAsync(lead, "organization") && await ReadyAsync(lead, "home-affairs"),
            "Delegate Affairs to be flagged late and both contributions to reach the lead");
        await Assertions.Expect(lead.GetByTestId("readiness-delegate-affairs")).ToContainTextAsync("Quá hạn trả lời");

        // Scheduling while a body is still missing: the service refuses, and the page says why at the top.
        var form = lead.GetByTestId("schedule-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Xếp lịch" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("form-errors")).ToContainTextAsync("hội nghị chưa sẵn sàng");

        // Someone changes the conference after the page was read: the form's etag is stale and nothing is saved.
        var shown = await lead.GetByTestId("schedule-form").Locator("input[name='Etag']").InputValueAsync();
        var current = await GetParticipationAsync("home-affairs", id);
        var change = new UpdateParticipationRequest { Participation = current.Clone(), UpdateMask = new() { Paths = { "agenda_items" } } };
        change.Participation.AgendaItems.Add(new AgendaItem
        {
            Title = "Thảo luận về sắp xếp đơn vị hành chính", Minutes = 10, Kind = AgendaItemKind.Discussion,
            Presenter = new Person { Name = "Vũ Đăng Khoa", Title = "Thứ trưởng Bộ Nội vụ" },
        });
        await _homeAffairs.UpdateParticipationAsync(change);
        await Poll.UntilAsync(async () => (await _organization.GetConferenceAsync(new GetConferenceRequest { Id = id })).Etag != shown,
            "the lead to take Home Affairs' change", PlatformFixture.Timeout);
        form = lead.GetByTestId("schedule-form");
        await form.GetByLabel("Ban Công tác đại biểu").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Xếp lịch" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("form-errors")).ToContainTextAsync("dữ liệu vừa được người khác thay đổi");
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đang chuẩn bị");

        // On the page as it now is, going on without Delegate Affairs schedules the conference.
        form = lead.GetByTestId("schedule-form");
        await Assertions.Expect(form.GetByLabel("Ban Công tác đại biểu")).ToBeCheckedAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Xếp lịch" }).ClickAsync();
        await Assertions.Expect(lead.Locator(":target").GetByTestId("saved")).ToHaveTextAsync("Đã xếp lịch hội nghị.");
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đã xếp lịch");
        await Assertions.Expect(lead.GetByTestId("readiness-delegate-affairs")).ToContainTextAsync("Không chờ cơ quan này");
        await Assertions.Expect(lead.GetByTestId("agenda").GetByTestId("agenda-item")).ToHaveCountAsync(3);
        await Assertions.Expect(lead.GetByTestId("agenda").GetByTestId("agenda-item").Last).ToContainTextAsync("Thảo luận về sắp xếp đơn vị hành chính");
    });

    [Fact]
    public Task A_viewer_or_a_body_with_no_part_gets_no_edit_controls() => RunAsync(async () =>
    {
        var id = await ProposeAsync("home-affairs");
        var editor = await SignInAsync("home-affairs-editor");
        await OpenWhenInvitedAsync(editor, id);

        var viewer = await SignInAsync("home-affairs-viewer");
        await viewer.GotoAsync($"/conferences/{id}");
        await Assertions.Expect(viewer.GetByTestId("readiness-home-affairs")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByTestId("participation-form")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator("main form")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator("main button")).ToHaveCountAsync(0);

        // Delegate Affairs is not invited: its editor reads the plan but has nothing of its own to edit.
        var outsider = await SignInAsync("delegate-affairs-editor");
        await outsider.GotoAsync($"/conferences/{id}");
        await Assertions.Expect(outsider.GetByTestId("readiness").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(outsider.GetByTestId("participation-form")).ToHaveCountAsync(0);
        await Assertions.Expect(outsider.Locator("main form")).ToHaveCountAsync(0);

        // The lead's viewer neither: no schedule, attendance or conclusion forms, and no progress forms on the board.
        await SeedConferenceAsync();
        var leadViewer = await SignInAsync("organization-viewer", width: 768, height: 1024);
        await leadViewer.GotoAsync($"/conferences/{id}");
        await Assertions.Expect(leadViewer.GetByTestId("readiness-organization")).ToBeVisibleAsync();
        await Assertions.Expect(leadViewer.Locator("main form")).ToHaveCountAsync(0);
        await leadViewer.GotoAsync("/tasks");
        await Assertions.Expect(leadViewer.GetByTestId("task-card").First).ToBeVisibleAsync();
        await Assertions.Expect(leadViewer.GetByTestId("progress-form")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_part_whose_service_is_down_says_so_and_the_rest_of_the_plan_still_reads() => RunAsync(async () =>
    {
        var seedId = await SeedConferenceAsync();
        var page = await SignInAsync("organization-viewer");
        await platform.KillAsync("delegate-affairs");
        try
        {
            await page.GotoAsync($"/conferences/{seedId}");
            await Assertions.Expect(page.GetByTestId("unavailable")).ToContainTextAsync("Ban Công tác đại biểu");
            await Assertions.Expect(page.GetByTestId("readiness").Locator("tbody tr")).ToHaveCountAsync(3);
            await Assertions.Expect(page.GetByTestId("good-practice")).ToHaveCountAsync(5);
            // Its two bridge points are missing; the other bodies' eight are there.
            await Assertions.Expect(page.GetByTestId("bridge-point")).ToHaveCountAsync(8);
            // Its progress is the lead's last word, said as such.
            await Assertions.Expect(page.GetByTestId("task").First.GetByTestId("owner-delegate-affairs")).ToContainTextAsync("không trả lời");

            await page.GotoAsync("/tasks");
            await Assertions.Expect(page.GetByTestId("board-delegate-affairs")).ToContainTextAsync("Chưa xem được");
            await Assertions.Expect(page.GetByTestId("board-home-affairs").GetByTestId("task-card").First).ToBeVisibleAsync();
        }
        finally
        {
            await platform.StartAsync("delegate-affairs");
        }
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

    private async Task<IPage> SignInAsync(string user, int width = 1366, int height = 768)
    {
        var browser = await Browser.SharedAsync();
        var page = await browser.SignedInAsync(platform.GatewayUrl, user, width, height);
        _pages.Add(page);
        return page;
    }

    /// <summary>
    /// The seed's conference of 1 July 2020 entered by tools/Platform.SeedLoader (the header, each body's contribution,
    /// attendance, the five good practices, the conclusion's tasks and the owners' progress), once per run. It has an
    /// id of its own: SeedConferenceTests needs to find the seed's id unused, and the collection's classes run in no set order.
    /// </summary>
    private async Task<string> SeedConferenceAsync()
    {
        await SeedGate.WaitAsync();
        try
        {
            return _seedId ??= await EnterSeedConferenceAsync();
        }
        finally
        {
            SeedGate.Release();
        }
    }

    /// <summary>The loader itself, under a slug of this run's own.</summary>
    private async Task<string> EnterSeedConferenceAsync()
    {
        var options = SeedLoaderOptions.Parse(["--gateway-http", platform.GatewayUrl, "--gateway-grpc",
            platform.GatewaySettings["Kestrel__Endpoints__Grpc__Url"], "--slug", $"{SeedConference.Slug}-{Guid.NewGuid():N}"[..40]]);
        return await SeedConferenceLoader.RunAsync(options, TextWriter.Null);
    }

    /// <summary>Whether the lead's readiness table shows <paramref name="body"/> ready.</summary>
    private static async Task<bool> ReadyAsync(IPage page, string body) =>
        await page.GetByTestId($"readiness-{body}").GetByTestId("readiness-state").TextContentAsync() is { } state && state.Trim() == "Sẵn sàng";

    /// <summary>A new conference Organization proposes and chairs, with the co-organizers given.</summary>
    private async Task<string> ProposeAsync(params string[] coOrganizers)
    {
        var conference = new Conference
        {
            Title = "Hội nghị liên tịch sơ kết 6 tháng đầu năm 2020 (thử giao diện)",
            Kind = ConferenceKind.HalfYearReview, PeriodStart = "2020-01-01", PeriodEnd = "2020-06-30", Date = "2020-07-01", StartTime = "08:00",
            Format = ConferenceFormat.Online, ResponseDeadline = "2020-06-25",
            Chair = new Chair { Name = "Phạm Minh Chính", Title = "Trưởng Ban Tổ chức Trung ương", Body = "organization" },
        };
        conference.CoOrganizers.AddRange(coOrganizers);
        var proposed = await _organization.ProposeConferenceAsync(new ProposeConferenceRequest
        {
            ConferenceId = $"man-hinh-{Guid.NewGuid():N}"[..24], Conference = conference,
        });
        return proposed.Id;
    }

    /// <summary>Each body accepts and contributes an item, a bridge point at the site given and its report, through its own service.</summary>
    private async Task ContributeAsync(string id, params (string Body, string Site)[] contributions)
    {
        foreach (var (body, site) in contributions)
        {
            var current = await InvitationAsync(body, id);
            var participation = new Participation
            {
                ConferenceId = id, Etag = current.Etag, Response = InvitationResponse.Accepted,
                Report = new ReviewReport { Results = $"Kết quả 6 tháng đầu năm của {body}." },
                AgendaItems =
                {
                    new AgendaItem
                    {
                        Title = $"Báo cáo của {body}", Minutes = 15, Kind = AgendaItemKind.Report,
                        Presenter = new Person { Name = "Nguyễn Thị Hồng", Title = "Vụ trưởng" },
                    },
                },
                BridgePoints =
                {
                    new BridgePoint
                    {
                        Key = $"diem-cau-{site}", SiteCode = site, Address = "Trụ sở", ExpectedAttendees = 50,
                        LocalChair = new Person { Name = "Trần Văn Hải", Title = "Phó Bí thư" },
                    },
                },
            };
            await UpdateParticipationAsync(body, new UpdateParticipationRequest { Participation = participation });
        }
    }

    /// <summary>The body's participation once its invitation has arrived (by event).</summary>
    private Task<Participation> InvitationAsync(string body, string id) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                return await GetParticipationAsync(body, id);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, $"{body}'s invitation to {id}", PlatformFixture.Timeout);

    // Each body's own service, called with that body's editor token.

    private async Task UpdateParticipationAsync(string body, UpdateParticipationRequest request) =>
        _ = body switch
        {
            "organization" => await _organization.UpdateParticipationAsync(request),
            "home-affairs" => await _homeAffairs.UpdateParticipationAsync(request),
            _ => await _delegateAffairs.UpdateParticipationAsync(request),
        };


    private async Task<Participation> GetParticipationAsync(string body, string id)
    {
        var request = new GetParticipationRequest { ConferenceId = id };
        return body switch
        {
            "organization" => await _organization.GetParticipationAsync(request),
            "home-affairs" => await _homeAffairs.GetParticipationAsync(request),
            _ => await _delegateAffairs.GetParticipationAsync(request),
        };
    }

    /// <summary>
    /// The seed's conclusion notice as a participant downloads it, read back: the Party's heading (Organization leads),
    /// the chair's conclusion, the five tasks and the signature. Kept under docs/screenshots/ for scripts/render-notice.sh,
    /// which draws it as a picture.
    /// </summary>
    private static async Task DownloadNoticeAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("notice-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = Path.Combine(RepositoryPaths.Root, "docs", "screenshots", "conclusion-notice.docx");
        await download.SaveAsAsync(path);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
        var text = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).ToList();
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("THÔNG BÁO", text);
        Assert.Contains(text, p => p.Contains("không để sót những người có đức, có tài", StringComparison.Ordinal));
        Assert.Equal(5, text.Count(p => Regex.IsMatch(p, @"^\d\. .*hạn chậm nhất: \d\d/\d\d/\d{4}")));
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("Phạm Minh Chính", text);
    }

    /// <summary>Opens the conference once the person's body has its invitation (it comes by event) and shows its form.</summary>
    private static async Task OpenWhenInvitedAsync(IPage page, string id)
    {
        await page.GotoAsync($"/conferences/{id}");
        await ReloadUntilAsync(page, async () => await page.GetByTestId("participation-form").CountAsync() == 1, $"the invitation to {id}");
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
