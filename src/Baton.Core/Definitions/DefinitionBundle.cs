using System.Security.Cryptography;
using System.Text;

namespace Baton.Definitions;

/// <summary>
/// The source text of a workflow and of every child workflow it calls: what a run is pinned to.
/// </summary>
/// <param name="RootFile">The root file's name, relative to <paramref name="BaseDirectory"/>.</param>
/// <param name="BaseDirectory">The absolute directory of the root file when it was compiled. Relative paths in <c>run</c> steps resolve against it.</param>
/// <param name="Files">Each file's text, keyed by its path relative to <paramref name="BaseDirectory"/> with '/' separators.</param>
public sealed record DefinitionBundle(string RootFile, string BaseDirectory, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The lower-case hex SHA-256 over the root file name and every file's name and text, in ordinal order of names.</summary>
    /// <remarks>The base directory is not hashed: moving a checkout does not change a definition's identity.</remarks>
    public string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, RootFile);
        foreach (var (name, text) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Append(hash, name);
            Append(hash, text);
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
