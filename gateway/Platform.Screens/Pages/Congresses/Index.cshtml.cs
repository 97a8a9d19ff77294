using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Screens.Formatting;
using Platform.Screens.Parts;
using Platform.Organization.V1;

namespace Platform.Screens.Pages.Congresses;

/// <summary>One congress on the schedule, with its organization and how far it falls from its deadline.</summary>
public sealed record CongressRow(PartyCongress Congress, PartyOrganization? Organization)
{
    public DateOnly? Scheduled => VietnameseFormat.ParseDate(Congress.ActualDate.Length > 0 ? Congress.ActualDate : Congress.PlannedDate);
    public DateOnly? Deadline => VietnameseFormat.ParseDate(Congress.Deadline);

    /// <summary>Days after the deadline (positive: late), when both dates are known.</summary>
    public int? DaysPastDeadline => Scheduled is { } at && Deadline is { } by ? at.DayNumber - by.DayNumber : null;

    public string OrganizationName => Organization?.Name is { Length: > 0 } name ? name : Congress.OrganizationId;
}

/// <summary>
/// The Party congress schedule (Organization): the congresses of a term against the deadlines Directive 35-CT/TW sets
/// for each level, late ones flagged, a page at a time; filtered by term, level and lateness.
/// </summary>
public sealed class IndexModel(ServiceChannels channels, ScreenSession session, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "term")]
    public string? Term { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public PartyLevel Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "lateOnly")]
    public bool LateOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<ListPartyCongressesResponse> Congresses { get; private set; } = PagePart<ListPartyCongressesResponse>.Without(PartState.Unavailable);
    public List<CongressRow> Rows { get; } = [];

    /// <summary>Some organizations' names could not be read: the rows show their ids instead.</summary>
    public bool NamesMissing { get; private set; }

    public async Task OnGetAsync()
    {
        var party = new PartyService.PartyServiceClient(channels["organization"]);
        var options = await session.CallAsync();
        Congresses = await PageParts.LoadAsync(async () => await party.ListPartyCongressesAsync(new ListPartyCongressesRequest
        {
            Term = Term?.Trim() ?? "", Level = Level, LateOnly = LateOnly, PageSize = PageSize, PageToken = PageToken ?? "",
        }, options), logger, "the Party congresses");
        if (Congresses.Value is not { } page)
        {
            return;
        }
        // The organizations of this page only, read in parallel (a page holds at most PageSize of them).
        var names = await Task.WhenAll(page.PartyCongresses.Select(c => c.OrganizationId).Distinct().Select(async id => (id,
            await PageParts.LoadAsync(async () => await party.GetPartyOrganizationAsync(new GetPartyOrganizationRequest { Id = id }, options),
                logger, "a Party organization"))));
        var organizations = names.ToDictionary(n => n.id, n => n.Item2.Value);
        NamesMissing = organizations.Values.Any(o => o is null);
        Rows.AddRange(page.PartyCongresses.Select(c => new CongressRow(c, organizations.GetValueOrDefault(c.OrganizationId))));
    }

    /// <summary>The schedule as a calendar file, of the term chosen (all terms when none is).</summary>
    public string CalendarUrl => string.IsNullOrWhiteSpace(Term) ? "/congresses/lich.ics" : QueryHelpers.AddQueryString("/congresses/lich.ics", "term", Term.Trim());

    /// <summary>This page's URL with its filters and the given page.</summary>
    public string PageUrl(string? pageToken) =>
        Pager.Link("/congresses", pageToken, ("term", Term), ("level", Level == PartyLevel.Unspecified ? null : Level.ToString()), ("lateOnly", LateOnly ? "true" : null));
}
