using Autofac;

namespace Integration.Abstractions.Data;

/// <summary>Registers a module's data services.</summary>
public static class ModuleRegistrationExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> with one instance per lifetime scope (per request, per job), configured
    /// by the host for the database in use. The host applies its migrations at start-up.
    /// </summary>
    /// <param name="builder">The module's container builder.</param>
    /// <param name="moduleId">The module id (names the migrations-history table).</param>
    public static void RegisterModuleDbContext<TContext>(this ContainerBuilder builder, string moduleId)
        where TContext : ModuleDbContext
    {
        builder.Register(c => c.Resolve<IModuleDatabase>().CreateOptions<TContext>(moduleId))
            .AsSelf()
            .SingleInstance();
        builder.RegisterType<TContext>()
            .AsSelf()
            .As<ModuleDbContext>()
            .InstancePerLifetimeScope();
    }
}
