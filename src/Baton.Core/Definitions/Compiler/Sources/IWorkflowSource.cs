namespace Baton.Definitions.Compiler.Sources;

/// <summary>Where the compiler reads workflow files: the disk, or a bundle a run is pinned to.</summary>
internal interface IWorkflowSource
{
    /// <summary>The absolute directory that file keys are relative to.</summary>
    string BaseDirectory { get; }

    /// <summary>Reads a file by its key: its path relative to <see cref="BaseDirectory"/>, with '/' separators.</summary>
    SourceRead Read(string key);

    /// <summary>
    /// The key of the project config that applies to the workflow file <paramref name="key"/>: <c>baton.yaml</c> in the
    /// file's directory or the nearest parent. Null when there is none.
    /// </summary>
    string? FindProjectFile(string key);
}
