using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Platform.SystemTests.Browser;

/// <summary>People sign in to the screens through the platform's identity and see their body's name.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task An_editor_signs_in_with_the_platform_login_and_lands_on_the_conferences()
    {
        var browser = await Browser.SharedAsync();
        var page = await browser.SignedInAsync(platform.GatewayUrl, "organization-editor");
        try
        {
            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Ban Tổ chức Trung ương");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hội nghị liên tịch" })).ToBeVisibleAsync();
        }
        catch
        {
            output.WriteLine(await page.ContentAsync());
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }
}
