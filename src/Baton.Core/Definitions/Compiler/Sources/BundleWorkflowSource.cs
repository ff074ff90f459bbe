using System.Text;
using Baton.Definitions.Compiler.Language;

namespace Baton.Definitions.Compiler.Sources;

/// <summary>Reads workflow files from a <see cref="DefinitionBundle"/>, never from disk.</summary>
/// <remarks>
/// The root file's project config is the one the bundle records (<see cref="DefinitionBundle.ProjectFile"/>). Another
/// file's is the nearest <c>baton.yaml</c> the bundle holds in that file's directory or a parent: the one the disk held
/// when the bundle was made, since every project config found was put in the bundle.
/// </remarks>
internal sealed class BundleWorkflowSource(DefinitionBundle bundle, int maxBytes) : IWorkflowSource
{
    private readonly int _levelsUp = bundle.Files.Keys.Select(FileKeys.LevelsUp).DefaultIfEmpty(0).Max();

    public string BaseDirectory { get; } = string.IsNullOrWhiteSpace(bundle.BaseDirectory)
        ? Path.GetFullPath(Path.DirectorySeparatorChar + "baton-bundle")
        : bundle.BaseDirectory;

    public SourceRead Read(string key)
    {
        if (!bundle.Files.TryGetValue(key, out var text))
        {
            return SourceRead.Failed(SourceProblem.NotFound, "the definition bundle does not hold it");
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes > maxBytes
            ? SourceRead.Failed(SourceProblem.TooLarge, $"it has {bytes:N0} bytes and the limit is {maxBytes:N0}")
            : SourceRead.Ok(text);
    }

    public string? FindProjectFile(string key)
    {
        if (key == bundle.RootFile)
        {
            return bundle.ProjectFile;
        }

        for (var directory = FileKeys.DirectoryOf(key); FileKeys.LevelsUp(directory) <= _levelsUp; directory = FileKeys.ParentOf(directory))
        {
            var candidate = FileKeys.Combine(directory, ModelSpecs.ProjectFileName);
            if (candidate != key && bundle.Files.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
