using System.Security.Cryptography;
using System.Text;

namespace Baton.Definitions;

/// <summary>
/// The source text of a workflow and of everything it depends on: the child workflows it calls, the project config
/// (<c>baton.yaml</c>) of each, and the script files their models replay. What a run is pinned to.
/// </summary>
/// <param name="RootFile">The root file's name, relative to <paramref name="BaseDirectory"/>.</param>
/// <param name="BaseDirectory">The absolute directory of the root file when it was compiled. Relative paths in <c>run</c> steps resolve against it.</param>
/// <param name="Files">Each file's text, keyed by its path relative to <paramref name="BaseDirectory"/> with '/' separators.</param>
/// <param name="ProjectFile">
/// The key in <paramref name="Files"/> of the root workflow's project config, such as <c>baton.yaml</c> or
/// <c>../baton.yaml</c>; null when none applied. Compiling the bundle uses exactly this file, never the disk.
/// </param>
public sealed record DefinitionBundle(string RootFile, string BaseDirectory, IReadOnlyDictionary<string, string> Files, string? ProjectFile = null)
{
    /// <summary>Marks the project config's key in the hash; no file key holds a NUL character.</summary>
    private const string ProjectMarker = "\0project";

    /// <summary>Marks the model overrides in the hash.</summary>
    private const string OverridesMarker = "\0models";

    /// <summary>
    /// Model aliases replaced for the runs of this definition (<c>baton run --model ALIAS=provider/model</c>). Part of what a
    /// run is pinned to: a run keeps its models after a restart.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ModelOverrides { get; init; }

    /// <summary>
    /// The lower-case hex SHA-256 over the root file name, every file's name and text in ordinal order of names, and the
    /// project config's key when there is one.
    /// </summary>
    /// <remarks>
    /// The base directory is not hashed: moving a checkout does not change a definition's identity. A bundle without a
    /// project config hashes as bundles did before project configs existed.
    /// </remarks>
    public string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, RootFile);
        foreach (var (name, text) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Append(hash, name);
            Append(hash, text);
        }

        if (ProjectFile is not null)
        {
            Append(hash, ProjectMarker);
            Append(hash, ProjectFile);
        }

        if (ModelOverrides is { Count: > 0 })
        {
            Append(hash, OverridesMarker);
            foreach (var (alias, model) in ModelOverrides.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                Append(hash, alias);
                Append(hash, model);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }
}
