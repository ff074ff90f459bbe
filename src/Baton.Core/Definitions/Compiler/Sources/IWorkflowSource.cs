namespace Baton.Definitions.Compiler.Sources;

/// <summary>Where the compiler reads workflow files: the disk, or a bundle a run is pinned to.</summary>
internal interface IWorkflowSource
{
    /// <summary>The absolute directory that file keys are relative to.</summary>
    string BaseDirectory { get; }

    /// <summary>Reads a file by its key: its path relative to <see cref="BaseDirectory"/>, with '/' separators.</summary>
    SourceRead Read(string key);
}
