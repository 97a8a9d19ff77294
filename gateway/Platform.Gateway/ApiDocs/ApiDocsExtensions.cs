using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Gateway.Extensions;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// GET /openapi/v1.json (the OpenAPI document of the JSON API) and GET /docs (its reference page, rendered on
/// the server: no script, the screens' Content-Security-Policy holds). Both without a token: they describe the
/// published contracts (the Platform.Contracts package carries the same .proto files), not anyone's data.
/// </summary>
public static class ApiDocsExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese as itself
    };

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // The proto comments' Vietnamese is written as itself on the reference page, not as numeric character
        // references (Razor's default encoder escapes everything beyond Basic Latin). The screens set the same for
        // their pages, in their own app.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        var dataSources = ((IEndpointRouteBuilder)app).DataSources;
        // Built on first use, when every endpoint (the joint-planning routes among them) is mapped; fixed afterwards.
        var document = new Lazy<JsonObject>(() => OpenApiDocumentBuilder.Build(dataSources.SelectMany(d => d.Endpoints), ContractDocs.Load()));

        app.MapGet(DocumentPath, async (HttpContext http, IOptionsMonitor<JwtBearerOptions> jwt) =>
            {
                // The issuer's endpoints as its OpenID Connect metadata names them (the validation already reads it), and
                // this gateway's own URL as the server: what a client generated from the document needs to call it.
                var issuer = await jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
                var server = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
                var forGateway = OpenApiDocumentBuilder.ForGateway(document.Value, server,
                    new Uri(issuer.AuthorizationEndpoint), new Uri(issuer.TokenEndpoint));
                return Results.Text(forGateway.ToJsonString(Written), "application/json; charset=utf-8");
            })
            .AllowAnonymous()
            .RequireRateLimiting(GatewayLimitsExtensions.PerClientPolicy)
            .ExcludeFromDescription();
        app.MapGet("/docs", () => new RazorComponentResult<ApiReferencePage>(new { Document = document.Value }))
            .AllowAnonymous()
            .RequireRateLimiting(GatewayLimitsExtensions.PerClientPolicy)
            .ExcludeFromDescription();
        return app;
    }
}
