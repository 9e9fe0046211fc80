using System.Xml.Linq;

namespace Integration.ArchitectureTests;

/// <summary>
/// The same rules on the project files, so that a wrong reference fails here even before any code uses it, for every
/// project under <c>host/</c>, <c>abstractions/</c>, <c>modules/</c> and every plugin fixture.
/// </summary>
public sealed class ProjectReferenceRulesTests
{
    private static readonly string Root = Assemblies.RepoRoot;

    [Fact]
    public void Host_and_abstractions_projects_reference_no_module()
    {
        var projects = ProjectsUnder("host").Concat(ProjectsUnder("abstractions")).ToList();

        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var wrong = References(project).Where(r => IsUnder(r, "modules") || IsUnder(r, "tests")).ToList();
            Assert.True(wrong.Count == 0, $"{Relative(project)} references {string.Join(", ", wrong.Select(Relative))}");
        }
    }

    [Fact]
    public void Module_projects_reference_only_the_abstractions_and_their_own_folder()
    {
        var plugins = ProjectsUnder("modules").Concat(ProjectsUnder(Path.Combine("tests", "fixtures")))
            .Where(IsPlugin)
            .ToList();

        Assert.NotEmpty(plugins);
        var abstractions = Path.Combine(Root, "abstractions");
        foreach (var project in plugins)
        {
            var ownFolder = OwnFolder(project);
            var wrong = References(project)
                .Where(r => !r.StartsWith(abstractions + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                            && !r.StartsWith(ownFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToList();
            Assert.True(wrong.Count == 0, $"{Relative(project)} may reference only abstractions/ and {Relative(ownFolder)}/, but references {string.Join(", ", wrong.Select(Relative))}");
        }
    }

    /// <summary>A module's own folder: <c>modules/{name}</c>, or <c>tests/fixtures</c> for the fixture plugins.</summary>
    private static string OwnFolder(string project)
    {
        var relative = Path.GetRelativePath(Root, project).Split(Path.DirectorySeparatorChar);
        return Path.Combine(Root, relative[0], relative[1]);
    }

    private static bool IsPlugin(string project) =>
        XDocument.Load(project).Descendants("EnableDynamicLoading").Any(e => e.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> ProjectsUnder(string folder)
    {
        var path = Path.Combine(Root, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.csproj", SearchOption.AllDirectories).Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : [];
    }

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, r.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))));

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(Path.Combine(Root, folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(Root, path);
}
