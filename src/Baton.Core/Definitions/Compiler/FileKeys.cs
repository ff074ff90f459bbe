namespace Baton.Definitions.Compiler;

/// <summary>
/// File keys: paths relative to a bundle's base directory with '/' separators, as <see cref="DefinitionBundle.Files"/> holds them.
/// Resolution is pure string work on absolute paths; it never touches the disk.
/// </summary>
internal static class FileKeys
{
    /// <summary>The key of <paramref name="path"/>, written in the file with key <paramref name="fromKey"/>. Null when the path is not valid.</summary>
    public static string? Resolve(string baseDirectory, string fromKey, string path)
    {
        try
        {
            var full = Path.GetFullPath(Path.Combine(baseDirectory, DirectoryOf(fromKey), path));
            return Normalize(Path.GetRelativePath(baseDirectory, full));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>The key of <paramref name="key"/> relative to the directory of <paramref name="fromKey"/>.</summary>
    public static string Relative(string baseDirectory, string fromKey, string key)
    {
        var from = Path.GetFullPath(Path.Combine(baseDirectory, DirectoryOf(fromKey)));
        return Normalize(Path.GetRelativePath(from, Path.GetFullPath(Path.Combine(baseDirectory, key))));
    }

    public static string DirectoryOf(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? string.Empty : key[..slash];
    }

    public static string FileNameOf(string key) => key[(key.LastIndexOf('/') + 1)..];

    /// <summary>The key of the file <paramref name="name"/> in the directory <paramref name="directory"/> (a key, empty for the base directory).</summary>
    public static string Combine(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>The parent of a directory key: <c>a/b</c> gives <c>a</c>, <c>a</c> gives the empty key, and the empty key gives <c>..</c>.</summary>
    public static string ParentOf(string directory)
        => directory.Length == 0 ? ".."
            : FileNameOf(directory) == ".." ? directory + "/.."
            : DirectoryOf(directory);

    /// <summary>How many directories above the base directory a key reaches: the number of its leading <c>..</c> segments.</summary>
    public static int LevelsUp(string key) => key.Split('/').TakeWhile(s => s == "..").Count();

    /// <summary>How a file is named in diagnostics: next to the root file as the user named it, so that relative stays relative.</summary>
    public static string Display(string rootDisplay, string rootKey, string key)
    {
        if (key == rootKey)
        {
            return rootDisplay;
        }

        if (rootDisplay == rootKey || DirectoryOf(rootKey).Length > 0)
        {
            return key;
        }

        var cut = rootDisplay.LastIndexOfAny(['/', '\\']);
        if (cut < 0)
        {
            return key;
        }

        var separator = rootDisplay[cut];
        var segments = new List<string>();
        foreach (var segment in rootDisplay[..cut].Split('/', '\\').Concat(key.Split('/')))
        {
            if (segment == ".." && segments.Count > 0 && segments[^1] is not (".." or ""))
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != "." && (segment.Length > 0 || segments.Count == 0))
            {
                segments.Add(segment);
            }
        }

        return string.Join(separator, segments);
    }

    private static string Normalize(string relative) => relative.Replace('\\', '/');
}
