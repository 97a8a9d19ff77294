using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps national IDs out of exported spans. Official records are addressed by national ID
/// (…/official-records/{national_id}), so a request's url.path and a forwarded call's url.full would carry one; the
/// digits are replaced before any exporter sees the span. Query strings are already redacted by the instrumentation
/// (name searches), and request bodies are never recorded. Runs before the exporters (added first).
/// </summary>
internal sealed partial class PersonalDataRedaction : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.path", "url.full", "http.target", "http.url"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url && NationalId().IsMatch(url))
            {
                data.SetTag(tag, NationalId().Replace(url, "{national_id}"));
            }
        }
    }

    /// <summary>A citizen identity card number (12 digits) or an old identity card's (9), standing alone in a path.</summary>
    [GeneratedRegex(@"(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])")]
    private static partial Regex NationalId();
}
