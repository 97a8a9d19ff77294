using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.SystemTests;

/// <summary>A person's access token from the platform's development issuer, as the screens get it: login, authorization code + PKCE.</summary>
public static class PersonTokens
{
    /// <summary>The token names the person (sub) and the client they signed in through (client_id "planning-screens").</summary>
    public static async Task<string> SignInAsync(string issuerUrl, string person)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(issuerUrl),
        };
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = issuerUrl + "signin-callback";
        var toLogin = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "planning-screens", ["response_type"] = "code", ["redirect_uri"] = redirectUri,
            ["scope"] = "home-affairs.read organization.read delegate-affairs.read", ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256", ["state"] = "s",
        }));
        var returnUrl = QueryHelpers.ParseQuery(toLogin.Headers.Location!.Query)["ReturnUrl"].ToString();
        var loggedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = person, ["password"] = "dev-secret", ["returnUrl"] = returnUrl,
        }));
        var toApp = await browser.GetAsync(loggedIn.Headers.Location);
        var code = QueryHelpers.ParseQuery(toApp.Headers.Location!.Query)["code"].ToString();
        var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "planning-screens", ["code"] = code,
            ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        }));
        token.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }
}
