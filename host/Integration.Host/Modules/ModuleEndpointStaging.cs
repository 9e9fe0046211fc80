namespace Integration.Host.Modules;

/// <summary>
/// An endpoint builder that collects a module's endpoints apart from the host's. The host checks them
/// (<see cref="ModuleEndpointRules"/>) and only then adds them to the application: ASP.NET Core cannot remove an
/// endpoint, and one bad endpoint (a name another module uses) would otherwise break routing for every request.
/// </summary>
internal sealed class ModuleEndpointStaging(IEndpointRouteBuilder application) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider => application.ServiceProvider;

    public ICollection<EndpointDataSource> DataSources { get; } = [];

    public IApplicationBuilder CreateApplicationBuilder() => application.CreateApplicationBuilder();

    /// <summary>The endpoints the module mapped.</summary>
    public IReadOnlyList<Endpoint> Endpoints => DataSources.SelectMany(d => d.Endpoints).ToList();

    /// <summary>Adds the module's endpoints to the application.</summary>
    public void Commit()
    {
        foreach (var source in DataSources)
        {
            application.DataSources.Add(source);
        }
    }
}
