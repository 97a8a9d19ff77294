using System.Net;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Platform.SystemTests.Browser;

/// <summary>
/// People sign in to the screens through the platform's identity and see their body's name; the login page looks
/// like the screens and keeps the user name after a mistake; the screens answer under the gateway's name as well as
/// its address; an address nothing answers is a Vietnamese page inside the layout; the menu marks where one is.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task An_editor_signs_in_with_the_platform_login_and_lands_on_the_conferences()
    {
        var browser = await Browser.SharedAsync();
        var page = await browser.SignedInAsync(platform.GatewayUrl, "organization-editor");
        await ShowOnFailureAsync(page, async () =>
        {
            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Ban Tổ chức Trung ương");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hội nghị liên tịch" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_user_name_on_the_styled_login_page_and_the_right_one_signs_in()
    {
        var browser = await Browser.SharedAsync();
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.GatewayUrl, Locale = "vi-VN" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await ShowOnFailureAsync(page, async () =>
        {
            await page.GotoAsync("/tasks");
            await Assertions.Expect(page).ToHaveTitleAsync("Đăng nhập — Kế hoạch liên tịch"); // the screens' own name
            await page.GetByLabel("Tên đăng nhập").FillAsync("home-affairs-viewer");
            await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
            await Assertions.Expect(page.GetByLabel("Tên đăng nhập")).ToHaveValueAsync("home-affairs-viewer");
            await Assertions.Expect(page.GetByLabel("Mật khẩu")).ToHaveValueAsync("");
            // The screens' stylesheet: the header band in the screens' red, not the browser's bare page.
            await Assertions.Expect(page.Locator("header.top")).ToHaveCSSAsync("background-color", "rgb(139, 0, 0)");
            await Browser.ScreenshotAsync(page, "login-failed");

            await page.GetByLabel("Mật khẩu").FillAsync("dev-secret");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Browser.ArrivedAsync(page, "/tasks");
            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Bộ Nội vụ");
        });
    }

    [Fact]
    public async Task The_screens_sign_in_under_the_gateways_host_name_as_well_as_its_address()
    {
        // The fixture's gateway is at 127.0.0.1; a person may as well type localhost (an OpenIddict redirect_uri error before).
        var byName = platform.GatewayUrl.Replace("127.0.0.1", "localhost");
        Assert.NotEqual(platform.GatewayUrl, byName);
        var page = await (await Browser.SharedAsync()).SignedInAsync(byName, "delegate-affairs-editor");
        await ShowOnFailureAsync(page, async () =>
        {
            Assert.StartsWith(byName, page.Url);
            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Ban Công tác đại biểu");
        });
    }

    [Theory]
    [InlineData("/conferences/x/y")]
    [InlineData("/ho-so-khong-co")]
    public async Task An_address_no_page_answers_is_a_Vietnamese_404_inside_the_layout(string address)
    {
        var page = await (await Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, "organization-viewer");
        await ShowOnFailureAsync(page, async () =>
        {
            var answer = await page.GotoAsync(address);
            Assert.Equal(404, answer!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không tìm thấy trang" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("not-found")).ToContainTextAsync(address);
            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Ban Tổ chức Trung ương"); // inside the layout
            if (address == "/ho-so-khong-co")
            {
                await Browser.ScreenshotAsync(page, "not-found");
            }
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Nhiệm vụ" }).ClickAsync();
            await Browser.ArrivedAsync(page, "/tasks");
        });
    }

    [Fact]
    public async Task The_forbidden_page_is_Vietnamese_inside_the_layout()
    {
        var page = await (await Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, "home-affairs-viewer");
        await ShowOnFailureAsync(page, async () =>
        {
            var answer = await page.GotoAsync("/khong-co-quyen");
            Assert.Equal(403, answer!.Status);
            await Assertions.Expect(page.GetByTestId("forbidden")).ToContainTextAsync("không có quyền xem trang này");
            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Bộ Nội vụ");
        });
    }

    [Fact]
    public async Task Tools_and_API_callers_asking_an_unknown_address_keep_the_gateways_own_answers()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(platform.GatewayUrl) };

        using var json = new HttpRequestMessage(HttpMethod.Get, "/ho-so-khong-co") { Headers = { { "Accept", "application/json" } } };
        using var page = new HttpRequestMessage(HttpMethod.Get, "/ho-so-khong-co") { Headers = { { "Accept", "text/html" } } };
        var toTool = await http.SendAsync(json);
        var toBrowser = await http.SendAsync(page);

        Assert.Equal(HttpStatusCode.Unauthorized, toTool.StatusCode); // no token: the API's answer, as before
        Assert.Equal(HttpStatusCode.Redirect, toBrowser.StatusCode); // a person: sign in first, then the page says "not found"
        Assert.Contains("/connect/authorize", toBrowser.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/conferences", "Hội nghị")]
    [InlineData("/tasks", "Nhiệm vụ")]
    [InlineData("/elections", "Bầu cử")]
    [InlineData("/congresses", "Đại hội đảng bộ")]
    public async Task The_menu_marks_the_section_one_is_in(string address, string item)
    {
        var page = await (await Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, "organization-viewer");
        await ShowOnFailureAsync(page, async () =>
        {
            await page.GotoAsync(address);
            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Chính" });
            await Assertions.Expect(menu.Locator("a[aria-current='page']")).ToHaveCountAsync(1);
            await Assertions.Expect(menu.Locator("a[aria-current='page']")).ToHaveTextAsync(item);
        });
    }

    private async Task ShowOnFailureAsync(IPage page, Func<Task> test)
    {
        try
        {
            await test();
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
}
