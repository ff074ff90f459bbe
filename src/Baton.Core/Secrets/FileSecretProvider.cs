using System.Text.Json;

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
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SecretsFileException(path, "it must hold a JSON object that maps names to string values");
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    // The value itself is never quoted: it may be a secret.
                    throw new SecretsFileException(path, $"the value of '{property.Name}' must be a string");
                }

                result[property.Name] = property.Value.GetString()!;
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new SecretsFileException(path, $"it is not valid JSON (line {ex.LineNumber + 1})");
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
