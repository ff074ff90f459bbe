using System.Text;
using Baton.Definitions.Compiler.Language;

namespace Baton.Definitions.Compiler.Sources;

/// <summary>Reads workflow files from disk as strict UTF-8, refusing files over the size limit before reading them.</summary>
internal sealed class DiskWorkflowSource(string baseDirectory, int maxBytes) : IWorkflowSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string BaseDirectory => baseDirectory;

    public SourceRead Read(string key)
    {
        var path = Path.Combine(baseDirectory, key);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return SourceRead.Failed(SourceProblem.NotFound, Directory.Exists(path) ? "it is a directory, not a file" : "there is no such file");
            }

            if (info.Length > maxBytes)
            {
                return SourceRead.Failed(SourceProblem.TooLarge, $"it has {info.Length:N0} bytes and the limit is {maxBytes:N0}");
            }

            // Read at most one byte past the limit: a device or a growing file must not make the compiler read forever.
            var bytes = ReadAtMost(path, (long)maxBytes + 1);
            if (bytes.Length > maxBytes)
            {
                return SourceRead.Failed(SourceProblem.TooLarge, $"it has more than {maxBytes:N0} bytes, the limit");
            }

            var text = StrictUtf8.GetString(bytes);
            return SourceRead.Ok(text.StartsWith('\uFEFF') ? text[1..] : text);
        }
        catch (DecoderFallbackException)
        {
            return SourceRead.Failed(SourceProblem.Unreadable, "it is not UTF-8 text");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return SourceRead.Failed(SourceProblem.Unreadable, ex.Message);
        }
    }

    public string? FindProjectFile(string key)
    {
        try
        {
            var directory = new DirectoryInfo(Path.GetFullPath(Path.Combine(baseDirectory, FileKeys.DirectoryOf(key))));
            var self = Path.GetFullPath(Path.Combine(baseDirectory, key));
            for (; directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ModelSpecs.ProjectFileName);
                // A directory by that name is found too, so that the compiler says what is wrong with it instead of ignoring it.
                if ((File.Exists(candidate) || Directory.Exists(candidate)) && candidate != self)
                {
                    return Path.GetRelativePath(baseDirectory, candidate).Replace('\\', '/');
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            // A directory that cannot be searched holds no project config that applies.
        }

        return null;
    }

    private static byte[] ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[(int)Math.Min(limit, 64 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while (collected.Length < limit && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - collected.Length))) > 0)
        {
            collected.Write(buffer, 0, read);
        }

        return collected.ToArray();
    }
}
