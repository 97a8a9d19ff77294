using Microsoft.EntityFrameworkCore;

namespace Platform.Gateway.DevelopmentIssuer;

/// <summary>OpenIddict's stores (clients, codes, tokens) for the development issuer, kept in memory.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options);
