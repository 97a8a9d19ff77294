using Microsoft.AspNetCore.Authentication;
using Platform.JointPlanning.Reads;

namespace Platform.Screens.Conferences;

/// <summary>The joint-planning reads of a screen, made as the signed-in person (their access token from the cookie session).</summary>
public static class PersonCalls
{
    public static async Task<JointPlanningCalls> ForPersonAsync(this JointPlanningCallsFactory factory, HttpContext http)
    {
        var token = await http.GetTokenAsync(ScreensExtensions.CookieScheme, "access_token");
        return factory.Create($"Bearer {token}", http.RequestAborted);
    }
}
