using NetArchTest.Rules;

namespace Integration.ArchitectureTests;

/// <summary>
/// The host never references a module at compile time, the abstractions know no module and no host, and a module knows
/// only the abstractions (and its own private libraries). NetArchTest checks the types; the references are checked too.
/// </summary>
public sealed class DependencyRulesTests
{
    [Fact]
    public void There_are_modules_to_check()
    {
        Assert.NotEmpty(Assemblies.Modules);
    }

    [Fact]
    public void Host_does_not_depend_on_any_module()
    {
        foreach (var module in Assemblies.Modules)
        {
            var result = Types.InAssembly(Assemblies.Host).ShouldNot().HaveDependencyOnAny(Assemblies.Namespace(module)).GetResult();
            Assert.True(result.IsSuccessful, $"Host types depend on {module.GetName().Name}: {Failing(result)}");
            Assert.DoesNotContain(Assemblies.Host.GetReferencedAssemblies(), r => r.Name == module.GetName().Name);
        }
    }

    [Fact]
    public void Abstractions_depend_on_neither_host_nor_modules()
    {
        var forbidden = Assemblies.Modules.Select(Assemblies.Namespace).Append("Integration.Host").ToArray();

        var result = Types.InAssembly(Assemblies.Abstractions).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"Abstractions depend on the host or a module: {Failing(result)}");
        Assert.DoesNotContain(Assemblies.Abstractions.GetReferencedAssemblies(), r => r.Name!.StartsWith("Integration.", StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_depend_on_neither_host_nor_each_other()
    {
        foreach (var module in Assemblies.Modules)
        {
            var others = Assemblies.Modules.Where(m => m != module && Assemblies.Namespace(m) != Assemblies.Namespace(module)).Select(Assemblies.Namespace);
            var forbidden = others.Append("Integration.Host").ToArray();

            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

            Assert.True(result.IsSuccessful, $"{module.GetName().Name} depends on the host or another module: {Failing(result)}");
            var references = module.GetReferencedAssemblies().Select(r => r.Name!).ToList();
            Assert.DoesNotContain("Integration.Host", references);
            Assert.DoesNotContain(references, r => r.StartsWith("Integration.Modules.", StringComparison.Ordinal) && r != module.GetName().Name);
            Assert.Contains("Integration.Abstractions", references);
        }
    }

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
