using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Gateway.JointPlanning;
using Platform.JointPlanning.V1;

namespace Platform.Gateway.Screens.Pages.Conferences;

/// <summary>The joint conferences the signed-in person's body takes part in, and those of the other bodies.</summary>
public sealed class IndexModel(JointPlanningClients clients, ScreenSession session, ILogger<IndexModel> logger) : PageModel
{
    public List<Conference> Conferences { get; } = [];
    public List<string> Unavailable { get; } = [];

    public async Task OnGetAsync()
    {
        var options = await session.CallAsync();
        var pages = await Task.WhenAll(ServiceChannels.Bodies.Select(async body =>
        {
            try
            {
                return (body, (await clients[body].ListParticipationsAsync(new ListParticipationsRequest { PageSize = 100 }, options)).Participations.ToList());
            }
            catch (Grpc.Core.RpcException e)
            {
                logger.LogWarning("The screens could not list {Body}'s conferences: {Status}", body, e.StatusCode);
                return (body, (List<Participation>?)null);
            }
        }));
        Unavailable.AddRange(pages.Where(p => p.Item2 is null).Select(p => p.body));
        Conferences.AddRange(pages.SelectMany(p => p.Item2 ?? []).Select(p => p.Conference)
            .GroupBy(c => c.Id).Select(g => g.MaxBy(c => c.Revision)!)
            .OrderByDescending(c => c.Date, StringComparer.Ordinal));
    }
}
