-- A message on a query may carry one file (issue 12): after submission the form's evidence is
-- locked, and the agency's answer to the department's query is where a document still goes.
ALTER TABLE "query_messages" ADD COLUMN "file_id" uuid REFERENCES "files"("id");
