using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Baton.Steps;

namespace Baton.Secrets;

/// <summary>Reads secrets from a JSON file that maps names to string values. The file lives outside the store.</summary>
public sealed class FileSecretProvider : ISecretProvider
{
    private readonly Dictionary<string, string> _secrets;

    /// <summary>Loads the file. A missing file holds no secrets.</summary>
    /// <exception cref="SecretsFileException">The file exists but is not a JSON object of strings.</exception>
    public FileSecretProvider(string path)
    {
        Path = path;
        _secrets = Load(path);
    }

    public string Path { get; }

    public bool TryGetSecret(string name, out string value) => _secrets.TryGetValue(name, out value!);

    public IEnumerable<string> GetAllValues() => _secrets.Values;

    private static Dictionary<string, string> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            var utf8 = File.ReadAllBytes(path).AsSpan();
            if (utf8.StartsWith("\uFEFF"u8))
            {
                utf8 = utf8[3..];
            }

            if (!Utf8.IsValid(utf8))
            {
                throw new SecretsFileException(path, "it is not UTF-8 text");
            }

            if (JsonText.Parse(utf8) is not JsonObject root)
            {
                throw new SecretsFileException(path, "it must hold a JSON object that maps names to string values");
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in root)
            {
                if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                {
                    // The value itself is never quoted: it may be a secret.
                    throw new SecretsFileException(path, $"the value of '{name}' must be a string");
                }

                result[name] = text.GetValue<string>();
            }

            return result;
        }
        catch (JsonException ex)
        {
            // The position is the line alone, and the reason never quotes a value: the file holds secrets.
            throw new SecretsFileException(path, $"it is not valid JSON (line {ex.LineNumber + 1}){(ex is JsonTextException ? ": " + ex.Message.TrimEnd('.') : string.Empty)}");
        }
        catch (IOException ex)
        {
            throw new SecretsFileException(path, $"it cannot be read ({ex.Message})");
        }
        catch (UnauthorizedAccessException)
        {
            throw new SecretsFileException(path, "this user may not read it");
        }
    }
}
