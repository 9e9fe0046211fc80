using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;

namespace Integration.Host.Api;

/// <summary>JSON, problem details, request languages and OpenAPI for every endpoint, the host's and the modules'.</summary>
internal static class ApiSetup
{
    public static void AddIntegrationApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });

        // Bad input reaches the exception handler, which names the field, in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        services.AddRequestLocalization(options =>
        {
            // Swedish first: the users are Swedish municipalities. "Accept-Language: en" gives English.
            CultureInfo[] cultures = [new("sv-SE"), new("en")];
            options.DefaultRequestCulture = new RequestCulture("sv-SE");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<OpenApiDocumentTransformer>();
        });
    }
}
