using Microsoft.AspNetCore.Mvc;
using Platform.Screens.Places;
using Platform.JointPlanning.V1;
using static Platform.Screens.Forms.FieldPaths;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// A bridge point the person's body hosts, added to its participation or saved over the one it edits; and the form's
/// site search ("Tìm"), which finds the province's code by its name.
/// </summary>
public sealed class BridgePointModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public BridgePointInput NewBridgePoint { get; set; } = new();

    /// <summary>What the site search looks for: a province's name, typed with or without marks.</summary>
    [BindProperty]
    public string? SiteQuery { get; set; }

    /// <summary>The province a search result's button chose: its code goes into the form.</summary>
    [BindProperty]
    public string? PickSite { get; set; }

    public Task<IActionResult> OnPostAsync()
    {
        var slot = new ItemSlot(EditingAt(RemovedItem.BridgePoint));
        return UpdateParticipationAsync(
            (current, change) => slot.Put(current.BridgePoints, change.BridgePoints, () => new BridgePoint
            {
                // An edited point keeps its key unless one is typed (the lead's attendance refers to it).
                Key = !string.IsNullOrWhiteSpace(NewBridgePoint.Key) ? NewBridgePoint.Key.Trim()
                    : slot.Edited ? current.BridgePoints[slot.Position].Key
                    : Enumerable.Range(slot.Position + 1, current.BridgePoints.Count + 1)
                        .Select(n => $"diem-cau-{n}").First(k => current.BridgePoints.All(p => p.Key != k)),
                SiteCode = NewBridgePoint.SiteCode?.Trim() ?? "",
                Address = NewBridgePoint.Address ?? "",
                LocalChair = new Person { Name = NewBridgePoint.ChairName ?? "", Title = NewBridgePoint.ChairTitle ?? "" },
                ExpectedAttendees = NewBridgePoint.ExpectedAttendees ?? 0,
                ConnectionContact = NewBridgePoint.ConnectionContact ?? "",
            }),
            ["bridge_points"],
            field => Within(field, $"participation.bridge_points[{slot.Position}].") switch
            {
                "key" => "bridge-key",
                "site_code" => "bridge-site-code",
                "address" => "bridge-address",
                "local_chair.name" => "bridge-chair-name",
                "local_chair.title" => "bridge-chair-title",
                "expected_attendees" => "bridge-expected",
                "connection_contact" => "bridge-contact",
                _ => null,
            },
            () => slot.Edited ? "Đã sửa điểm cầu." : "Đã thêm điểm cầu.");
    }

    /// <summary>
    /// The site search (nothing is sent to a service but Home Affairs' map): the provinces whose name contains what was
    /// typed, without marks or with; one found, or one chosen, fills the code. The form keeps everything else typed.
    /// </summary>
    public async Task<IActionResult> OnPostFindSiteAsync()
    {
        // The conference first: the provinces offered are those of its day, named as then (the map changed in 2025).
        var shown = await ShownAgainAsync();
        if (PickSite is { Length: > 0 })
        {
            NewBridgePoint.SiteCode = PickSite;
        }
        else
        {
            var matches = ProvinceNames.Matching(await Screen.SitesAsync(), SiteQuery);
            if (matches.Count == 1)
            {
                NewBridgePoint.SiteCode = matches[0].Key;
            }
            Screen.SiteMatches = matches;
        }
        return shown;
    }

    protected override void KeepSent(ConferenceScreen screen) => (screen.NewBridgePoint, screen.SiteQuery) = (NewBridgePoint, SiteQuery);
}
