using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Tenancy;

/// <summary><c>/api/tenants</c>: the organisations that run programmes.</summary>
internal static class TenantEndpoints
{
    public static void MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/tenants").WithTags("Tenants").RequireAuthorization();
        tenants.MapPost("/", Create)
            .RequireAuthorization(Policies.SystemAdmin)
            .WithName("CreateTenant")
            .WithSummary("Creates a tenant (municipality, region or other organisation). System admins only.");
        tenants.MapGet("/", List)
            .WithName("ListTenants")
            .WithSummary("Lists tenants: every tenant for a system admin, the caller's own otherwise.");
        tenants.MapGet("/{tenantId:guid}", Get)
            .WithName("GetTenant")
            .WithSummary("Reads a tenant.");
        tenants.MapPut("/{tenantId:guid}", Update)
            .RequireAuthorization(Policies.TenantAdmin)
            .WithName("UpdateTenant")
            .WithSummary("Renames a tenant (tenant admin) or corrects its kind and codes (system admin).");
    }

    private static async Task<Results<Created<TenantResponse>, ValidationProblem, ProblemHttpResult>> Create(
        TenantRequest request, IntegrationDbContext db, TimeProvider clock, ILogger<Tenant> logger, CancellationToken ct)
    {
        var errors = Validate(request);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (request.MunicipalityCode is { } code && await db.Tenants.AnyAsync(t => t.MunicipalityCode == code, ct))
        {
            var existing = await db.Tenants.Where(t => t.MunicipalityCode == code).Select(t => t.Id).FirstAsync(ct);
            return Problems.Conflict(
                $"Kommunen {code} har redan en organisation.",
                $"Municipality {code} already has a tenant.",
                new Dictionary<string, object?> { ["existingId"] = existing });
        }

        var tenant = new Tenant
        {
            Id = Guid.NewGuid(),
            Name = request.Name.Trim(),
            Kind = request.Kind!.Value,
            MunicipalityCode = request.MunicipalityCode,
            CountyCode = CountyOf(request),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.MunicipalityCode is not null)
        {
            // Another request created a tenant for the same municipality between the check above and this save.
            return Problems.Conflict($"Kommunen {request.MunicipalityCode} har redan en organisation.", $"Municipality {request.MunicipalityCode} already has a tenant.");
        }

        logger.LogInformation("Tenant {TenantId} ({TenantName}) created", tenant.Id, tenant.Name);
        return TypedResults.Created($"/api/tenants/{tenant.Id}", TenantResponse.From(tenant));
    }

    private static async Task<Ok<List<TenantResponse>>> List(HttpContext http, IntegrationDbContext db, CancellationToken ct)
    {
        var query = db.Tenants.AsNoTracking();
        if (!http.User.IsSystemAdmin())
        {
            var own = http.User.GetTenantId();
            query = query.Where(t => t.Id == own);
        }

        var tenants = await query.OrderBy(t => t.Name).ToListAsync(ct);
        return TypedResults.Ok(tenants.Select(TenantResponse.From).ToList());
    }

    private static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> Get(Guid tenantId, IntegrationDbContext db, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        return tenant is null ? TenantRouteGuardMiddleware.TenantNotFound() : TypedResults.Ok(TenantResponse.From(tenant));
    }

    private static async Task<Results<Ok<TenantResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid tenantId, TenantRequest request, HttpContext http, IntegrationDbContext db, CancellationToken ct)
    {
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null)
        {
            return TenantRouteGuardMiddleware.TenantNotFound();
        }

        var errors = Validate(request);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        // The kind and the codes decide how the tenant is counted in regional figures: only system admins change them.
        var changesIdentity = tenant.Kind != request.Kind || tenant.MunicipalityCode != request.MunicipalityCode || tenant.CountyCode != CountyOf(request);
        if (changesIdentity && !http.User.IsSystemAdmin())
        {
            return Problems.Forbidden(
                "Bara en systemadministratör kan ändra typ, kommunkod och länskod.",
                "Only a system admin can change the kind, municipality code and county code.");
        }

        if (request.MunicipalityCode is { } code && await db.Tenants.AnyAsync(t => t.MunicipalityCode == code && t.Id != tenantId, ct))
        {
            return Problems.Field("municipalityCode", $"Kommunen {code} har redan en organisation.", $"Municipality {code} already has a tenant.");
        }

        tenant.Name = request.Name.Trim();
        tenant.Kind = request.Kind!.Value;
        tenant.MunicipalityCode = request.MunicipalityCode;
        tenant.CountyCode = CountyOf(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.MunicipalityCode is not null)
        {
            return Problems.Field("municipalityCode", $"Kommunen {request.MunicipalityCode} har redan en organisation.", $"Municipality {request.MunicipalityCode} already has a tenant.");
        }

        return TypedResults.Ok(TenantResponse.From(tenant));
    }

    private static string? CountyOf(TenantRequest request) =>
        request.Kind == TenantKind.Municipality ? request.MunicipalityCode![..2] : request.CountyCode;

    private static FieldErrors Validate(TenantRequest request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors.Add("name", Text("Ange ett namn på högst 200 tecken.", "Give a name of at most 200 characters."));
        }

        switch (request.Kind)
        {
            case null:
                errors.Add("kind", Text("Ange typ: municipality, region eller organisation.", "Give the kind: municipality, region or organisation."));
                break;
            case TenantKind.Municipality when !SwedishRegionCodes.IsMunicipalityCode(request.MunicipalityCode):
                errors.Add("municipalityCode", Text("En kommun behöver en giltig fyrsiffrig kommunkod, till exempel 2083.", "A municipality needs a valid four-digit municipality code, such as 2083."));
                break;
            case TenantKind.Municipality when request.CountyCode is not null && request.CountyCode != request.MunicipalityCode![..2]:
                errors.Add("countyCode", Text("Länskoden stämmer inte med kommunkoden.", "The county code does not match the municipality code."));
                break;
            case TenantKind.Region when !SwedishRegionCodes.IsCountyCode(request.CountyCode):
                errors.Add("countyCode", Text("En region behöver en giltig tvåsiffrig länskod, till exempel 20.", "A region needs a valid two-digit county code, such as 20."));
                break;
            case TenantKind.Region or TenantKind.Organisation when request.MunicipalityCode is not null:
                errors.Add("municipalityCode", Text("Bara en kommun har en kommunkod.", "Only a municipality has a municipality code."));
                break;
            case TenantKind.Organisation when request.CountyCode is not null && !SwedishRegionCodes.IsCountyCode(request.CountyCode):
                errors.Add("countyCode", Text("Länskoden är inte giltig.", "The county code is not valid."));
                break;
            default:
                break;
        }

        return errors;
    }

    private static string Text(string sv, string en) => Integration.Abstractions.Kernel.LocalizedText.Pick(sv, en);
}

/// <summary>Creates or updates a tenant.</summary>
/// <param name="Name">The organisation's name, for example "Hedemora kommun".</param>
/// <param name="Kind"><c>municipality</c>, <c>region</c> or <c>organisation</c>.</param>
/// <param name="MunicipalityCode">Four-digit kommunkod; required for a municipality.</param>
/// <param name="CountyCode">Two-digit länskod; required for a region, derived for a municipality.</param>
public sealed record TenantRequest(string Name, TenantKind? Kind, string? MunicipalityCode, string? CountyCode);

/// <summary>A tenant.</summary>
public sealed record TenantResponse(Guid Id, string Name, TenantKind Kind, string? MunicipalityCode, string? CountyCode, DateTime CreatedAt)
{
    public static TenantResponse From(Tenant t) => new(t.Id, t.Name, t.Kind, t.MunicipalityCode, t.CountyCode, t.CreatedAt);
}
