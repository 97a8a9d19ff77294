using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
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

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        var dataSources = ((IEndpointRouteBuilder)app).DataSources;
        // Built on first use, when every endpoint (the joint-planning routes among them) is mapped; fixed afterwards.
        var document = new Lazy<JsonObject>(() => OpenApiDocumentBuilder.Build(dataSources.SelectMany(d => d.Endpoints), ContractDocs.Load()));
        var json = new Lazy<string>(() => document.Value.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese as itself
        }));

        app.MapGet(DocumentPath, () => Results.Text(json.Value, "application/json; charset=utf-8"))
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
