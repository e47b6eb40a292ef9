using KinerjaBot.Icons;

// Writes manifest/color.png and manifest/outline.png (or into the folder given as the only argument):
//   dotnet run --project manifest/icons [-- <folder>]
// The committed PNGs are this program's output; a test checks they still show this drawing.
var folder = args.Length > 0 ? args[0] : ManifestFolder();
if (folder is null || !Directory.Exists(folder))
{
    Console.Error.WriteLine($"Folder tujuan tidak ditemukan: {folder ?? "(manifest/ di atas program ini)"}.");
    return 2;
}

foreach (var (name, image) in new[] { ("color.png", IconPainter.Color()), ("outline.png", IconPainter.Outline()) })
{
    var path = Path.Combine(folder, name);
    File.WriteAllBytes(path, PngEncoder.Encode(image));
    Console.WriteLine($"{path} ({image.Width}×{image.Height})");
}

return 0;

static string? ManifestFolder()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "KinerjaBot.sln")))
        {
            return Path.Combine(dir.FullName, "manifest");
        }
    }

    return null;
}
