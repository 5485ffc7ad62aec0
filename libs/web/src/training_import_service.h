// The import of completions from a learning-platform export, in three steps: upload (the
// file is decoded, checked and staged), preview (column mapping, the first rows, every row's
// problem), confirm (planned again and stored in one transaction only when no row has a
// problem). Every step is audit-logged; the staged text is cleared when the import ends.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "synlig/storage/training.h"
#include "synlig/training/import.h"
#include "training_service.h"

namespace synlig::web {

// A pending import is discarded when it is older than this (on the next upload).
inline constexpr std::int64_t kImportTtlSeconds = 24 * 3600;
inline constexpr std::size_t kMaxImportBytes = 16 * 1024 * 1024;

// Decodes and checks the file (training::ReadImportFile) and stages it; audit
// "training_import_upload". kInvalidArgument (field "file") for no file, a file over
// kMaxImportBytes, or the reader's errors (whose message names line and byte).
Result<training::Id> StageUpload(const TrainingContext& ctx, std::string_view file_name,
                                 std::string_view bytes);

// The mapping as posted: 1-based column numbers ("" = not in the file) and a course for every
// row ("" = from the course column). `given` is false on the first view: guess from the header.
struct MappingInput {
  bool given = false;
  std::string email, name, course, date, fixed_course;
};

struct ImportPreview {
  storage::StagedImport staged;
  training::ImportFile file;
  training::ColumnMapping mapping;
  std::optional<Error> mapping_error;        // CheckMapping's, when the mapping is incomplete
  std::optional<training::ImportPlan> plan;  // when the mapping is complete
  int already_registered = 0;  // planned rows the register already has (skipped on confirm)
};

// kNotFound for an unknown import; kFailedPrecondition when it is no longer pending;
// kInvalidArgument ("mapping") for a column number that is not a number. Audit
// "training_import_view" (the preview shows names and addresses from the file).
Result<ImportPreview> PreviewImport(const TrainingContext& ctx, training::Id id,
                                    const MappingInput& input);

struct ConfirmResult {
  bool applied = false;
  storage::ImportOutcome outcome;  // when applied
  ImportPreview preview;           // when not applied: the problems to show
};

// Plans with the mapping and, only when every row is fine, applies it (one transaction);
// audit "training_import_apply" with the counts. Errors of PreviewImport and ApplyImport.
Result<ConfirmResult> ConfirmImport(const TrainingContext& ctx, training::Id id,
                                    const MappingInput& input);

// Pending -> discarded; audit "training_import_discard". kFailedPrecondition, kNotFound.
Status DiscardTrainingImport(const TrainingContext& ctx, training::Id id);

}  // namespace synlig::web
