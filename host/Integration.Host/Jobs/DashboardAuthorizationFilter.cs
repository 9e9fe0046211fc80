using Hangfire.Dashboard;
using Integration.Abstractions.Kernel;

namespace Integration.Host.Jobs;

/// <summary>
/// The dashboard shows every tenant's jobs, so only system admins see it. The endpoint's policy signs the user in with
/// the web cookie (or sends them to the sign-in page); this filter checks the role again inside Hangfire.
/// </summary>
internal sealed class DashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(StaffRoles.SystemAdmin);
}
