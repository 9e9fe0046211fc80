using System.Text.RegularExpressions;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Modules;

namespace Integration.Host.Modules;

/// <summary>Checks a module's manifest; returns the first problem, or null.</summary>
internal static partial class ManifestValidator
{
    public static string? Validate(ModuleManifest? manifest)
    {
        if (manifest is null)
        {
            return "its manifest is null.";
        }

        if (string.IsNullOrEmpty(manifest.Id) || manifest.Id.Length > 40 || !ModuleIdPattern().IsMatch(manifest.Id))
        {
            return $"module id '{manifest.Id}' is not valid: use lower-case letters, digits and single hyphens, starting with a letter, at most 40 characters.";
        }

        if (!TryParseContract(manifest.ContractVersion, out var major))
        {
            return $"contract version '{manifest.ContractVersion}' is not major.minor.";
        }

        if (major != ModuleContract.Major)
        {
            return $"it was built against module contract {manifest.ContractVersion}; this host supports contract {ModuleContract.Major}.x ({ModuleContract.Version}).";
        }

        if (manifest.DisplayName is null || !manifest.DisplayName.IsComplete)
        {
            return "its display name needs both a Swedish and an English text.";
        }

        if (manifest.Description is null || !manifest.Description.IsComplete)
        {
            return "its description needs both a Swedish and an English text.";
        }

        if (string.IsNullOrEmpty(manifest.Version) || !VersionPattern().IsMatch(manifest.Version))
        {
            return $"module version '{manifest.Version}' is not major.minor.patch.";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permission in manifest.Permissions ?? [])
        {
            if (permission?.Name is null || !permission.Name.StartsWith(manifest.Id + ".", StringComparison.Ordinal) || permission.Name.Length == manifest.Id.Length + 1)
            {
                return $"permission '{permission?.Name}' must be named '{manifest.Id}.<action>'.";
            }

            if (!names.Add(permission.Name))
            {
                return $"permission '{permission.Name}' is declared twice.";
            }

            if (permission.Description is null || !permission.Description.IsComplete)
            {
                return $"permission '{permission.Name}' needs a Swedish and an English description.";
            }

            var unknown = (permission.DefaultRoles ?? []).FirstOrDefault(r => !StaffRoles.All.Contains(r));
            if (unknown is not null)
            {
                return $"permission '{permission.Name}' names unknown role '{unknown}'.";
            }
        }

        return null;
    }

    /// <summary>The major of a <c>major.minor</c> contract version.</summary>
    public static bool TryParseContract(string? version, out int major)
    {
        major = 0;
        var parts = (version ?? string.Empty).Split('.');
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out major)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex ModuleIdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();
}
