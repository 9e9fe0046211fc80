namespace Integration.Abstractions.Modules;

/// <summary>
/// The version of the module contract defined by this assembly.
/// </summary>
/// <remarks>
/// The values are constants, so the compiler copies them into a plugin that reads them: a module that sets
/// <see cref="ModuleManifest.ContractVersion"/> to <see cref="Version"/> records the contract it was built against.
/// The host loads a plugin only when its contract major equals <see cref="Major"/>; minor versions only add.
/// </remarks>
public static class ModuleContract
{
    /// <summary>Major version: raised by any change that breaks existing modules.</summary>
    public const int Major = 1;

    /// <summary>Minor version: raised by additions that existing modules can ignore.</summary>
    public const int Minor = 1;

    /// <summary>The contract version as <c>major.minor</c>.</summary>
    public const string Version = "1.1";
}
