using Microsoft.Playwright;

namespace Platform.SystemTests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot happen here), headless, shared by
/// the browser tests; each test signs in on a fresh context (its own cookies).
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Browser? _shared;

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium) => (_playwright, Chromium) = (playwright, chromium);

    public IBrowser Chromium { get; }

    public static async Task<Browser> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var playwright = await Playwright.CreateAsync();
                var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = "/usr/bin/chromium",
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                });
                _shared = new Browser(playwright, chromium);
            }
            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A page signed in through the platform's login (authorization code + PKCE) as "&lt;body&gt;-&lt;role&gt;".</summary>
    public async Task<IPage> SignedInAsync(string gatewayUrl, string user, int width = 1366, int height = 768)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gatewayUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "vi-VN",
        });
        context.SetDefaultTimeout(30_000); // a cold start (first sign-in, JIT, first queries) on a busy 2-core machine
        var page = await context.NewPageAsync();
        // Every address the sign-in passes through, with its status and time: a sign-in that does not finish says where it stopped.
        var trail = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        page.Response += (_, response) => trail.Enqueue($"{clock.ElapsedMilliseconds} ms {response.Status} {response.Request.Method} {response.Url}");
        page.RequestFailed += (_, request) => trail.Enqueue($"{clock.ElapsedMilliseconds} ms failed {request.Method} {request.Url}: {request.Failure}");
        try
        {
            await page.GotoAsync("/conferences");
            await page.GetByLabel("Tên đăng nhập").FillAsync(user);
            await page.GetByLabel("Mật khẩu").FillAsync("dev-secret");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await page.WaitForURLAsync("**/conferences");
        }
        catch (TimeoutException e)
        {
            await context.CloseAsync();
            throw new TimeoutException($"{user} did not sign in; the page was at {page.Url} after {clock.ElapsedMilliseconds} ms:\n{string.Join("\n", trail)}", e);
        }
        return page;
    }

    /// <summary>Saves a screenshot of a main screen under docs/screenshots/ (committed, shown in the README).</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Platform.Testing.RepositoryPaths.Root, "docs", "screenshots", $"{name}.png"), FullPage = true,
        });

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
