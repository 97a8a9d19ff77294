using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Gateway.DevelopmentIssuer;

/// <summary>Registers the development clients at start: one per body and role, and the screens' public client.</summary>
public sealed class DevelopmentClientSeeder(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var principal in DevelopmentDirectory.All)
        {
            if (await applications.FindByClientIdAsync(principal.Name, cancellationToken) is not null)
            {
                continue;
            }
            var client = new OpenIddictApplicationDescriptor
            {
                ClientId = principal.Name,
                ClientSecret = DevelopmentDirectory.DevelopmentSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = principal.DisplayName,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scopeName in DevelopmentDirectory.AllowedScopes(principal))
            {
                client.Permissions.Add(Permissions.Prefixes.Scope + scopeName);
            }
            await applications.CreateAsync(client, cancellationToken);
        }

        if (await applications.FindByClientIdAsync(DevelopmentDirectory.ScreensClientId, cancellationToken) is null)
        {
            var screens = new OpenIddictApplicationDescriptor
            {
                ClientId = DevelopmentDirectory.ScreensClientId,
                ClientType = ClientTypes.Public,
                DisplayName = "Joint-planning screens",
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var scopeName in DevelopmentDirectory.AllScopes)
            {
                screens.Permissions.Add(Permissions.Prefixes.Scope + scopeName);
            }
            foreach (var uri in configuration.GetSection("Identity:ScreensRedirectUris").Get<string[]>() ?? [])
            {
                screens.RedirectUris.Add(new Uri(uri));
            }
            await applications.CreateAsync(screens, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
