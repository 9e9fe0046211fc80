using Autofac;

namespace Integration.Abstractions.Jobs;

/// <summary>Registers module jobs.</summary>
public static class ModuleJobRegistrationExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> as the job <c>{moduleId}:{jobName}</c>. The key is stored with queued jobs:
    /// keep it stable, rename the class freely.
    /// </summary>
    public static void RegisterModuleJob<TJob>(this ContainerBuilder builder, string moduleId, string jobName)
        where TJob : IModuleJob
    {
        builder.RegisterType<TJob>()
            .Keyed<IModuleJob>(JobKey(moduleId, jobName))
            .InstancePerDependency();
        builder.RegisterInstance(new ModuleJobRegistration(moduleId, jobName));
    }

    /// <summary>The stable key of a module job: <c>{moduleId}:{jobName}</c>.</summary>
    public static string JobKey(string moduleId, string jobName) => $"{moduleId}:{jobName}";
}

/// <summary>Records that a module registered a job; the host uses it to check names when a job is queued.</summary>
/// <param name="ModuleId">The module id.</param>
/// <param name="JobName">The job name.</param>
public sealed record ModuleJobRegistration(string ModuleId, string JobName);
