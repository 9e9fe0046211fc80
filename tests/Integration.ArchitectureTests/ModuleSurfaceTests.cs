using System.Reflection;
using Integration.Abstractions.Modules;

namespace Integration.ArchitectureTests;

/// <summary>A module's public surface is its one <see cref="IActivityModule"/> class plus contract records.</summary>
public sealed class ModuleSurfaceTests
{
    [Fact]
    public void Each_module_exposes_one_module_class_and_otherwise_only_records()
    {
        foreach (var module in Assemblies.Modules)
        {
            var exported = module.GetExportedTypes();
            var moduleClasses = exported.Where(t => typeof(IActivityModule).IsAssignableFrom(t)).ToList();
            var other = exported.Where(t => !typeof(IActivityModule).IsAssignableFrom(t) && !IsRecord(t)).ToList();

            Assert.Single(moduleClasses);
            Assert.True(other.Count == 0, $"{module.GetName().Name} exposes {string.Join(", ", other.Select(t => t.FullName))}: make them internal or contract records");
        }
    }

    [Fact]
    public void Module_class_has_a_public_parameterless_constructor()
    {
        foreach (var module in Assemblies.Modules)
        {
            var type = module.GetExportedTypes().Single(t => typeof(IActivityModule).IsAssignableFrom(t));
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        }
    }

    /// <summary>The compiler gives records a protected <c>EqualityContract</c> and a <c>&lt;Clone&gt;$</c> method.</summary>
    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null;
}
