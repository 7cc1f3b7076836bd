-- Why a source was switched off by the system rather than by a person (issue 15): a file source whose watched folder or
-- file-name pattern the configured roots (Sources:Files:Root and Sources:Files:AllowedFolders) do not allow. The roots are
-- configuration, not schema, so the check itself runs at every start (FileSourceRootCheck, in the web app and the
-- worker): it disables such a source, records the reason here, and audits it. The source's page shows the reason; saving
-- the source again (which checks the folder) clears it.
alter table source add column disabled_reason text;

comment on column source.disabled_reason is
    'Swedish reason the system disabled the source (e.g. its folder is outside the file roots); null when a person decides.';
