using Integration.Host;
using Integration.Host.Commands;

if (AdminCommand.Matches(args))
{
    return await StartupFailure.GuardAsync(() => AdminCommand.RunAsync(args));
}

return await StartupFailure.GuardAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddIntegrationHost();

    var app = builder.Build();
    // On the thread pool: the database work (model build, migrations) then runs beside the endpoint mapping.
    var initialization = Task.Run(app.InitializeIntegrationAsync);
    app.MapIntegrationApi();
    await app.StartIntegrationAsync(initialization);
    await app.WaitForShutdownAsync();
    return 0;
});

/// <summary>The entry point; public so that tests can start the host with WebApplicationFactory.</summary>
public partial class Program;
