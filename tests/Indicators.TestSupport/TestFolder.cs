namespace Indicators.TestSupport;

/// <summary>
/// A folder under /var/tmp for one test, deleted afterwards. Not under the system temp of a root user's home:
/// the postgres user must be able to reach a cluster made in it.
/// </summary>
public sealed class TestFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine("/var/tmp", $"indicators-folder-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
