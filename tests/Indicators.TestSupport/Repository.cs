namespace Indicators.TestSupport;

/// <summary>The checkout the tests were built from: for reading its deployment files as shipped.</summary>
public static class Repository
{
    /// <summary>The folder with Indicators.sln, above the test output.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Indicators.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Indicators.sln not found above the test output.");
        }
    }

    /// <summary>A file of the checkout by its path from the root, e.g. "docker/compose.yaml".</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);
}
