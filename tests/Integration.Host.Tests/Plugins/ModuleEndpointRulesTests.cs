using Integration.Abstractions.Kernel;
using Integration.Abstractions.Modules;
using Integration.Host.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Integration.Host.Tests.Plugins;

/// <summary>The start-up rules for module endpoints, on endpoints built by hand.</summary>
public sealed class ModuleEndpointRulesTests
{
    private static readonly LoadedModule Module = new(
        new ModuleManifest
        {
            Id = "cafe",
            DisplayName = new LocalizedText("Café", "Café"),
            Description = new LocalizedText("Test", "Test"),
            Version = "1.0.0",
            ContractVersion = ModuleContract.Version,
            Permissions = [new ModulePermission("cafe.read", new LocalizedText("Läsa", "Read"), [StaffRoles.CaseWorker])],
        },
        Module: null!,
        Services: null!,
        PluginFile: "/plugins/cafe/Cafe.dll",
        Assembly: typeof(ModuleEndpointRulesTests).Assembly);

    [Fact]
    public void Endpoint_with_a_declared_permission_passes()
    {
        Assert.Null(ModuleEndpointRules.Check(Module, [Endpoint("CafeList", new AuthorizeAttribute("cafe.read"))], new HashSet<string>()));
    }

    [Fact]
    public void Endpoint_without_a_module_permission_fails()
    {
        var problem = ModuleEndpointRules.Check(Module, [Endpoint("CafeList", new AuthorizeAttribute())], new HashSet<string>());

        Assert.Contains("requires none of the module's permissions", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_allowing_anonymous_access_fails()
    {
        var problem = ModuleEndpointRules.Check(Module, [Endpoint("CafeOpen", new AuthorizeAttribute("cafe.read"), new AllowAnonymousAttribute())], new HashSet<string>());

        Assert.Contains("allows anonymous access", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_name_used_elsewhere_fails()
    {
        var taken = ModuleEndpointRules.Check(Module, [Endpoint("Login", new AuthorizeAttribute("cafe.read"))], new HashSet<string> { "Login" });
        var twice = ModuleEndpointRules.Check(Module, [Endpoint("CafeList", new AuthorizeAttribute("cafe.read")), Endpoint("CafeList", new AuthorizeAttribute("cafe.read"))], new HashSet<string>());

        Assert.Contains("'Login'", taken, StringComparison.Ordinal);
        Assert.Contains("'CafeList'", twice, StringComparison.Ordinal);
    }

    private static RouteEndpoint Endpoint(string name, params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/modules/cafe/x"), 0, new EndpointMetadataCollection([new EndpointNameMetadata(name), .. metadata]), name);
}
