using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Platform.Gateway.DevelopmentIssuer;

public sealed class SignInThrottleOptions
{
    public const string Section = "Identity:SignInThrottle";

    /// <summary>Failed sign-ins (wrong password) or client authentications (wrong secret) one account or client may have per window.</summary>
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>Failures from one address per window, whichever accounts and clients they named.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Counts the development issuer's failed sign-ins and client authentications per account (person or client) and per
/// address, in fixed windows; past the limit the next attempt, right or wrong, is answered 429 with Retry-After until the
/// window ends. Guessing "dev-secret" is easy, but the issuer is the first thing every newcomer touches: it should
/// behave as a real one does. Only failures count, so nobody who signs in right is slowed.
/// </summary>
public sealed class SignInThrottle(SignInThrottleOptions options, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> _failures = new();

    /// <summary>How long until <paramref name="account"/> or <paramref name="address"/> may try again; null: now.</summary>
    public TimeSpan? RetryAfter(string account, IPAddress? address)
    {
        var now = time.GetUtcNow();
        var waits = new[] { Wait("account:" + account, options.FailuresPerAccount, now), Wait("address:" + address, options.FailuresPerAddress, now) };
        return waits.Max();
    }

    public void Failed(string account, IPAddress? address)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > PruneAbove)
        {
            foreach (var (key, window) in _failures)
            {
                if (now - window.Start >= options.Window)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
        Count("account:" + account, now);
        Count("address:" + address, now);
    }

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var window) && now - window.Start < options.Window && window.Failures >= limit
            ? window.Start + options.Window - now
            : null;

    private void Count(string key, DateTimeOffset now) =>
        _failures.AddOrUpdate(key, _ => new Window(now, 1),
            (_, window) => now - window.Start >= options.Window ? new Window(now, 1) : window with { Failures = window.Failures + 1 });

    private sealed record Window(DateTimeOffset Start, int Failures);

    /// <summary>Retry-After in whole seconds, at least one.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Refuses a token request whose client (or address) has failed too often, before the issuer checks its secret.
    /// The failures themselves are counted where the issuer answers invalid_client (<see cref="DevelopmentIssuerExtensions"/>).
    /// </summary>
    public static IApplicationBuilder UseTokenEndpointThrottle(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase)
            && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted); // kept by the request: the issuer reads it again
            var client = ClientIdOf(context.Request, form);
            var wait = context.RequestServices.GetRequiredService<SignInThrottle>().RetryAfter(client, context.Connection.RemoteIpAddress);
            if (wait is { } retryAfter)
            {
                SetRetryAfter(context.Response, retryAfter);
                await Results.Json(new { error = "temporarily_unavailable", error_description = "Too many failed client authentications: try again after Retry-After seconds." },
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    });

    /// <summary>The client a token request names: client_id in the form, or the user name of Basic authentication.</summary>
    public static string ClientIdOf(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                return Uri.UnescapeDataString(pair.Split(':', 2)[0]);
            }
            catch (FormatException)
            {
                // Not Basic credentials at all: the issuer refuses them; count them under the form's client_id.
            }
        }
        return form["client_id"].ToString();
    }
}
