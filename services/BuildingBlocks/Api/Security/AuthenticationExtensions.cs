using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Api.Security;

public sealed class PlatformAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>The token issuer (OpenID Connect authority): the platform's own in Development, the ministries' in production.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The audience every platform access token is issued for.</summary>
    public string Audience { get; set; } = "platform-api";

    /// <summary>Only a loopback development issuer may be reached over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How soon a rotated signing key is picked up after an unknown key id is seen.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}

public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates JWT access tokens from the configured issuer (keys from its metadata; signature,
    /// issuer, audience and lifetime checked; unsigned tokens refused). Every endpoint needs a valid
    /// token unless it is marked anonymous (health).
    /// </summary>
    public static WebApplicationBuilder AddPlatformAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(PlatformAuthenticationOptions.Section).Get<PlatformAuthenticationOptions>()
            ?? new PlatformAuthenticationOptions();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options => ValidatePlatformTokens(options, settings));
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>How a bearer scheme checks the platform's access tokens: also for a scheme of another name (the screens').</summary>
    public static void ValidatePlatformTokens(JwtBearerOptions options, PlatformAuthenticationOptions settings)
    {
        options.Authority = settings.Authority;
        options.Audience = settings.Audience;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.RefreshInterval = settings.MetadataRefreshInterval;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = PlatformClaims.Subject;
        options.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
        options.TokenValidationParameters.RequireSignedTokens = true;
        options.TokenValidationParameters.ValidAlgorithms = ["RS256", "RS384", "RS512", "ES256", "PS256"];
    }
}
