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
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=vi-VN"],
                    Env = VietnameseEnvironment(),
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

    /// <summary>
    /// This process's environment with Vietnamese as the language: Chromium on Linux takes its own language, which
    /// lays out date and time fields, from the environment, not from the page's locale, and a Vietnamese user sees
    /// 15/07/2020 and 08:00. (Playwright's Env replaces the browser's whole environment, hence the copy.)
    /// </summary>
    private static Dictionary<string, string> VietnameseEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
        environment["LANGUAGE"] = "vi";
        environment["LANG"] = "vi_VN.UTF-8";
        return environment;
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
        page.FrameNavigated += (_, frame) => trail.Enqueue($"{clock.ElapsedMilliseconds} ms navigated {frame.Url}");
        page.RequestFailed += (_, request) => trail.Enqueue($"{clock.ElapsedMilliseconds} ms failed {request.Method} {request.Url}: {request.Failure}");
        try
        {
            await page.GotoAsync("/conferences");
            await page.GetByLabel("Tên đăng nhập").FillAsync(user);
            await page.GetByLabel("Mật khẩu").FillAsync("dev-secret");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await ArrivedAsync(page, "/conferences");
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException) // an assertion that runs out is a PlaywrightException
        {
            await context.CloseAsync();
            throw new TimeoutException($"{user} did not sign in; the page was at {page.Url} after {clock.ElapsedMilliseconds} ms:\n{string.Join("\n", trail)}", e);
        }
        return page;
    }

    /// <summary>
    /// Waits until the page is at <paramref name="path"/> (then its query, if any). Not WaitForURLAsync: it checks the
    /// address and then subscribes to navigations, and loses a navigation that lands between the two (open issue
    /// microsoft/playwright-dotnet#3364) — a sign-in here finished at /conferences in 2 s and the wait still ran out
    /// after 30. The assertion polls the address in the browser, so there is nothing to lose.
    /// </summary>
    public static Task ArrivedAsync(IPage page, string path, float timeoutMs = 30_000) =>
        Assertions.Expect(page).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex($"^https?://[^/]+{System.Text.RegularExpressions.Regex.Escape(path)}([?#].*)?$"),
            new PageAssertionsToHaveURLOptions { Timeout = timeoutMs });

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
