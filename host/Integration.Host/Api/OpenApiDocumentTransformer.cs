using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Integration.Host.Api;

/// <summary>Describes the API and its sign-in in the OpenAPI document shown by Scalar.</summary>
internal sealed class OpenApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Integration platform API",
            Version = "v1",
            Description = "Programmes, participants and activity modules for integration programmes for newly arrived people. "
                + "Sign in with POST /api/auth/login to get a bearer token; every other route needs it. "
                + "Module routes live under /api/modules/{moduleId} and answer only tenants that have enabled the module. "
                + "Errors are RFC 9457 problem details; validation errors name the field. Send Accept-Language: en for English messages (Swedish is the default).",
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/auth/login.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
        });
        return Task.CompletedTask;
    }
}
