using System.Text;

namespace Baton.Definitions.Compiler.Sources;

/// <summary>Reads workflow files from a <see cref="DefinitionBundle"/>, never from disk.</summary>
internal sealed class BundleWorkflowSource(DefinitionBundle bundle, int maxBytes) : IWorkflowSource
{
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
}
